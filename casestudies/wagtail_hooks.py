from wagtail import hooks

from casestudies import api


@hooks.register("register_api_endpoint")
def case_studies_endpoint():
    return api.endpoint()
