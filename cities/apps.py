from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CitiesConfig(AppConfig):
    name = "cities"
    verbose_name = _("Cities")

    def ready(self):
        from accounts.mfa import require_mfa_for
        from caching.data_versions import register_city_of
        from caching.page_cache import register_header_versions
        from cities import nav_signals
        from cities.access import is_coach
        from cities.nav import CITIES_VERSION, person_version
        from cities.owned import city_of

        nav_signals.connect()  # the header's cached navigation follows its data
        # A cached page follows its header's navigation (the viewer's cities, coach or not).
        register_header_versions(lambda user_id: [person_version(user_id), CITIES_VERSION])
        # A changed record makes its city's cached pages stale: the city follows city_path.
        register_city_of(city_of)
        require_mfa_for(is_coach)  # coaches sign in with two factors, as staff do
