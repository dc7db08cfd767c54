"""``{% glossary_terms %}…{% endglossary_terms %}``: the first occurrence of each glossary
term in the enclosed HTML becomes a link to its entry on the glossary page (rules in
``partnerships.glossary``). One block per page, so each term is marked once per page."""

from django import template
from django.utils.safestring import mark_safe

from partnerships import glossary

register = template.Library()


class GlossaryTermsNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        markup = self.nodelist.render(context)
        request = context.get("request")
        if request is None:
            return markup
        return mark_safe(glossary.mark_terms(markup, glossary.load_matcher(request)))  # noqa: S308


@register.tag
def glossary_terms(parser, token):
    """Marks glossary terms in everything up to ``{% endglossary_terms %}``."""
    if len(token.split_contents()) != 1:
        raise template.TemplateSyntaxError("glossary_terms takes no arguments")
    nodelist = parser.parse(("endglossary_terms",))
    parser.delete_first_token()
    return GlossaryTermsNode(nodelist)
