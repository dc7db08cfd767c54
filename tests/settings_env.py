"""Settings modules as a freshly started process sees them, without starting one.

``settings_from_env("partnerships.settings.production", SECRET_KEY=...)`` executes the settings
module and ``base`` anew with exactly the given environment (the test run's environment minus
``drop`` and the ``drop_prefixes``, plus ``env``) and returns their upper-case names. A module
that refuses to start raises as it would at startup (``ImproperlyConfigured``). The settings
the tests run with, ``sys.modules`` and ``os.environ`` are left as they were.
"""

import importlib
import os
import sys
from types import SimpleNamespace

PACKAGE = "partnerships.settings"


def settings_from_env(module, drop=(), drop_prefixes=(), **env):
    environ = {
        name: value
        for name, value in os.environ.items()
        if name not in drop and not (drop_prefixes and name.startswith(tuple(drop_prefixes)))
    }
    environ.update(env)
    package = importlib.import_module(PACKAGE)
    prefix = PACKAGE + "."
    saved_modules = {name: mod for name, mod in sys.modules.items() if name.startswith(prefix)}
    saved_attributes = {
        name[len(prefix) :]: getattr(package, name[len(prefix) :]) for name in saved_modules
    }
    saved_environ = dict(os.environ)
    for name in saved_modules:
        del sys.modules[name]
    os.environ.clear()
    os.environ.update(environ)
    try:
        fresh = importlib.import_module(module)
        return SimpleNamespace(
            **{name: getattr(fresh, name) for name in dir(fresh) if name.isupper()}
        )
    finally:
        os.environ.clear()
        os.environ.update(saved_environ)
        for name in [name for name in sys.modules if name.startswith(prefix)]:
            attribute = name[len(prefix) :]
            del sys.modules[name]
            if hasattr(package, attribute) and attribute not in saved_attributes:
                delattr(package, attribute)
        sys.modules.update(saved_modules)
        for attribute, value in saved_attributes.items():
            setattr(package, attribute, value)
