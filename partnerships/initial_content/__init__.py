"""The initial content of the site, as plain data.

``load_initial_content`` (partnerships/management/commands) turns these structures into
pages, snippets, images and settings. Modules:

- ``seed``: the client's texts, word for word
- ``site``: home page, address and site settings
- ``concepts``, ``casestudies``, ``news``, ``pages``: the sections and standard pages
- ``images``: the locally drawn example illustrations
- ``markup``: helpers for rich text and StreamField blocks
"""
