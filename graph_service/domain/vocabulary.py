"""Open vocabularies: documented lists that validate input and can grow.

``nature`` (finer type of an actor inside its sphere) and the ``type`` of a
dialogue framework are open: the field keeps finding new kinds of actors and of
spaces.  They are still validated, so that ``ONG``, ``ong`` and ``N.G.O.`` do not
become three natures; a deployment adds values with ``MAILLAGE_EXTRA_NATURES``
rather than by typing them into data.  Country codes are ISO 3166-1 alpha-2.
"""

from __future__ import annotations

from typing import Final

from graph_service.config import get_settings

#: Natures named in the seeds and DOMAIN.md, grouped by their usual sphere.
NATURES: Final[frozenset[str]] = frozenset(
    {
        # civil society
        "ong", "association_locale", "association", "osi", "osc", "collectif",
        "reseau_associatif", "association_de_migrants", "organisation_de_jeunesse",
        "organisation_de_femmes", "mouvement_social", "plateforme",
        # public
        "collectivite_territoriale", "commune", "intercommunalite", "departement", "region",
        "service_deconcentre_etat", "ministere", "agence_publique", "etablissement_public",
        "organisation_internationale", "autorite_traditionnelle",
        # market
        "entreprise_multinationale", "grande_entreprise", "eti", "pme", "tpe",
        "chambre_consulaire", "organisation_professionnelle", "producteur", "distributeur",
        "commercant",
        # union
        "syndicat", "confederation_syndicale",
        # social economy
        "cooperative", "mutuelle", "entreprise_sociale", "union_de_cooperatives",
        "organisation_paysanne", "groupement_de_producteurs", "institution_microfinance",
        # academic
        "universite", "centre_de_recherche", "ecole", "organisme_de_formation",
        # philanthropy and funding
        "fondation", "fonds_de_dotation", "bailleur",
        # platforms mixing several spheres
        "plateforme_multi_acteurs",
    }
)

#: Framework types named in DOMAIN.md and the seeds.
FRAMEWORK_TYPES: Final[frozenset[str]] = frozenset(
    {
        "steering_committee", "platform", "forum", "management_committee",
        "tripartite_commission", "network", "traditional_village_space",
        "operational_committee", "consultation_framework", "working_group", "round_table",
        "multi_stakeholder_initiative", "local_development_committee", "assembly",
    }
)

ISO_COUNTRIES: Final[frozenset[str]] = frozenset(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO
    BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ
    DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP
    GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG
    KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML
    MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE
    PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL
    SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM
    US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
    """.split()
)


def _comma_list(value: str) -> frozenset[str]:
    return frozenset(v.strip() for v in value.split(",") if v.strip())


def known_natures() -> frozenset[str]:
    """The documented natures plus those a deployment adds (``MAILLAGE_EXTRA_NATURES``)."""
    return NATURES | _comma_list(get_settings().extra_natures)


def known_framework_types() -> frozenset[str]:
    """Documented framework types plus ``MAILLAGE_EXTRA_FRAMEWORK_TYPES``."""
    return FRAMEWORK_TYPES | _comma_list(get_settings().extra_framework_types)
