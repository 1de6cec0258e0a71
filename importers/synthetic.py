"""A deterministic generator of realistic ecosystems, from a territory to France.

Same size and seed, same file.  The shape follows the seeds: communes inside
départements inside régions (France counts about 35,000 communes), plus a few
Southern countries and their regions; actors with a realistic sphere mix, mostly
local; partnerships mostly between neighbours, whose modes follow the seeds'
shares (pratiques responsables 42%, mécénat 30%, coopération économique 25%,
innovation sociétale 16%: multi-valued, 004:22); memberships of networks;
dialogue frameworks at the local, departmental, regional and national levels,
nested; double-espace links between French and Southern regions; a few persons.
About 1.2 partnerships per actor, as France's 1.2 million partnerships for about a
million actors (003:18, 004:22).  Everything is marked ``source: synthetic``.

Records are produced one at a time and written as a stream, so a national-size
file is never built in memory.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from importers.formats import maillage_json

SOURCE = "synthetic"

#: Share of actors per sphere (associations and companies dominate, 003:18).
SPHERE_MIX = {
    "civil_society": 0.45,
    "market": 0.30,
    "public": 0.10,
    "social_economy": 0.07,
    "academic": 0.03,
    "union": 0.02,
    "philanthropy": 0.02,
    "multi": 0.01,
}
NATURES = {
    "civil_society": ["association_locale", "association", "ong"],
    "market": ["tpe", "pme", "eti", "grande_entreprise"],
    "public": ["commune", "intercommunalite", "departement", "service_deconcentre_etat"],
    "social_economy": ["cooperative", "mutuelle", "entreprise_sociale"],
    "academic": ["universite", "organisme_de_formation", "centre_de_recherche"],
    "union": ["syndicat"],
    "philanthropy": ["fondation", "fonds_de_dotation"],
    "multi": ["plateforme_multi_acteurs"],
}
#: Probability that a partnership has each mode (004:22: the shares add up to 113%).
MODE_SHARES = {
    "responsible_practices": 0.42,
    "mecenat": 0.30,
    "economic_cooperation": 0.25,
    "societal_innovation": 0.16,
}
SOUTH = {
    "ML": "Mali",
    "SN": "Sénégal",
    "BF": "Burkina Faso",
    "TD": "Tchad",
    "GN": "Guinée",
    "MA": "Maroc",
}
PARTNERSHIPS_PER_ACTOR = 1.2
SOUTH_SHARE = 0.08


@dataclass(frozen=True)
class Sizes:
    actors: int
    communes: int
    departements: int
    regions: int

    @classmethod
    def for_actors(cls, actors: int) -> Sizes:
        """Territory counts that scale with the number of actors, up to France's.

        >>> Sizes.for_actors(1_000_000)
        Sizes(actors=1000000, communes=35000, departements=101, regions=13)
        """
        communes = max(4, min(35_000, actors // 25))
        departements = max(2, min(101, communes // 340 or 2))
        regions = max(1, min(13, departements // 7 or 1))
        return cls(actors, communes, departements, regions)


def _node(labels: list[str], **properties: Any) -> dict[str, Any]:
    return {"labels": labels, "properties": {**properties, "source": SOURCE}}


def _tie(rel_type: str, source: str, target: str, number: int, **properties: Any) -> dict[str, Any]:
    return {
        "type": rel_type,
        "from": source,
        "to": target,
        "properties": {
            "id": f"s-{rel_type.lower()}-{number}",
            "source": SOURCE,
            **{k: v for k, v in properties.items() if v is not None},
        },
    }


def _modes(rng: random.Random) -> list[str]:
    """One mode, or two for 13% of partnerships (the shares add up to 113%), drawn
    in proportion to the shares, so that each mode's share matches the seeds'."""
    count = 2 if rng.random() < sum(MODE_SHARES.values()) - 1 else 1
    chosen: list[str] = []
    while len(chosen) < count:
        remaining = [m for m in MODE_SHARES if m not in chosen]
        chosen += rng.choices(remaining, weights=[MODE_SHARES[m] for m in remaining])
    return sorted(chosen)


def generate(
    actors: int, seed: int = 0
) -> tuple[Iterator[dict[str, Any]], Iterator[dict[str, Any]]]:
    """(nodes, relationships) of an ecosystem of ``actors`` actors, as Maillage JSON
    records.  Both are generators; consume the nodes first."""
    sizes = Sizes.for_actors(actors)
    rng = random.Random(seed)
    # Where each actor lives: (commune index, or -1 for a Southern region index).
    homes: list[tuple[str, int]] = []
    for _ in range(actors):
        if rng.random() < SOUTH_SHARE:
            homes.append(("south", rng.randrange(len(SOUTH) * 3)))
        else:
            homes.append(("commune", rng.randrange(sizes.communes)))
    spheres = rng.choices(list(SPHERE_MIX), weights=list(SPHERE_MIX.values()), k=actors)

    def departement_of(commune: int) -> int:
        return commune % sizes.departements

    def region_of(departement: int) -> int:
        return departement % sizes.regions

    def nodes() -> Iterator[dict[str, Any]]:
        yield _node(["Territory"], id="fr", name="France", level="national", country="FR")
        for r in range(sizes.regions):
            yield _node(
                ["Territory"], id=f"reg-{r}", name=f"Région {r}", level="regional", country="FR"
            )
        for d in range(sizes.departements):
            yield _node(
                ["Territory"],
                id=f"dep-{d}",
                name=f"Département {d}",
                level="departmental",
                country="FR",
                code=f"{d:02d}",
            )
        for c in range(sizes.communes):
            yield _node(
                ["Territory"],
                id=f"com-{c}",
                name=f"Commune {c}",
                level="local",
                country="FR",
                code=f"{c:05d}",
            )
        for index, (code, name) in enumerate(SOUTH.items()):
            yield _node(
                ["Territory"], id=f"pays-{code.lower()}", name=name, level="national", country=code
            )
            for k in range(3):
                yield _node(
                    ["Territory"],
                    id=f"sud-{index * 3 + k}",
                    name=f"{name}, région {k + 1}",
                    level="regional",
                    country=code,
                )
        for index in range(actors):
            sphere = spheres[index]
            where, place = homes[index]
            country = list(SOUTH)[place // 3] if where == "south" else "FR"
            yield _node(
                ["Actor"],
                id=f"a-{index}",
                name=f"Acteur {index}",
                sphere=sphere,
                nature=rng.choice(NATURES[sphere]),
                country=country,
            )
        yield _node(
            ["DialogueFramework"],
            id="cadre-national",
            name="Plateforme nationale",
            type="platform",
            level="national",
        )
        for r in range(sizes.regions):
            yield _node(
                ["DialogueFramework"],
                id=f"cadre-reg-{r}",
                name=f"Plateforme régionale {r}",
                type="platform",
                level="regional",
            )
        for d in range(sizes.departements):
            yield _node(
                ["DialogueFramework"],
                id=f"cadre-dep-{d}",
                name=f"Forum départemental {d}",
                type="forum",
                level="departmental",
            )
        for p in range(max(1, actors // 50)):
            yield _node(["Person"], id=f"p-{p}", name=f"Personne {p}")

    def relationships() -> Iterator[dict[str, Any]]:
        number = 0

        def tie(rel_type: str, source: str, target: str, **properties: Any) -> dict[str, Any]:
            nonlocal number
            number += 1
            return _tie(rel_type, source, target, number, **properties)

        for r in range(sizes.regions):
            yield tie("PART_OF", f"reg-{r}", "fr")
            yield tie("PART_OF", f"cadre-reg-{r}", "cadre-national")
            yield tie("COVERS", f"cadre-reg-{r}", f"reg-{r}")
        for d in range(sizes.departements):
            yield tie("PART_OF", f"dep-{d}", f"reg-{region_of(d)}")
            yield tie("PART_OF", f"cadre-dep-{d}", f"cadre-reg-{region_of(d)}")
            yield tie("COVERS", f"cadre-dep-{d}", f"dep-{d}")
        for c in range(sizes.communes):
            yield tie("PART_OF", f"com-{c}", f"dep-{departement_of(c)}")
        for index in range(len(SOUTH)):
            for k in range(3):
                yield tie("PART_OF", f"sud-{index * 3 + k}", f"pays-{list(SOUTH)[index].lower()}")
        # Double espace: the first régions are linked to Southern regions.
        for r in range(min(sizes.regions, len(SOUTH) * 3)):
            yield tie("LINKED_TO", f"reg-{r}", f"sud-{r}", kind="double_space")
        by_departement: dict[int, list[int]] = {}
        by_south: dict[int, list[int]] = {}
        for index, (where, place) in enumerate(homes):
            territory = f"sud-{place}" if where == "south" else f"com-{place}"
            yield tie("ANCHORED_IN", f"a-{index}", territory, primary=True)
            if where == "south":
                by_south.setdefault(place, []).append(index)
            else:
                by_departement.setdefault(departement_of(place), []).append(index)
        everyone = list(range(actors))
        departements_of_region: dict[int, list[int]] = {}
        for d in range(sizes.departements):
            departements_of_region.setdefault(region_of(d), []).append(d)

        def partner_pool(a: int) -> list[int]:
            """Mostly neighbours: same département (or Southern region) 60%, same
            région 30%, anyone 10%."""
            where, place = homes[a]
            draw = rng.random()
            if draw >= 0.9:
                return everyone
            if where == "south":
                return by_south[place]
            departement = departement_of(place)
            if draw < 0.6:
                return by_departement[departement]
            nearby = rng.choice(departements_of_region[region_of(departement)])
            return by_departement.get(nearby) or everyone

        for _ in range(int(actors * PARTNERSHIPS_PER_ACTOR)):
            a = rng.randrange(actors)
            pool = partner_pool(a)
            b = pool[rng.randrange(len(pool))]
            if b == a:
                continue
            yield tie(
                "COOPERATES_WITH",
                f"a-{a}",
                f"a-{b}",
                kind="partnership",
                modes=_modes(rng),
                strength=rng.choice([1, 2, 2, 3]),
                valid_from=f"{rng.randint(2005, 2024)}-01-01",
            )
        networks = [i for i in everyone if spheres[i] == "multi"]
        for index in everyone:
            network = rng.choice(networks) if networks else index
            if rng.random() < 0.05 and network != index:
                yield tie("MEMBER_OF", f"a-{index}", f"a-{network}")
            if homes[index][0] == "commune" and rng.random() < 0.1:
                d = departement_of(homes[index][1])
                yield tie("PARTICIPATES_IN", f"a-{index}", f"cadre-dep-{d}", role="member")
                if rng.random() < 0.2:
                    yield tie(
                        "PARTICIPATES_IN", f"a-{index}", f"cadre-reg-{region_of(d)}", role="member"
                    )
        for p in range(max(1, actors // 50)):
            employer = rng.randrange(actors)
            yield tie("WORKS_IN", f"p-{p}", f"a-{employer}")
            if rng.random() < 0.3:
                yield tie(
                    "SUPPORTS",
                    f"p-{p}",
                    f"a-{rng.randrange(actors)}",
                    stance=rng.choice(["ally", "sympathetic", "neutral", "opposed"]),
                    last_verified=f"{rng.randint(2022, 2026)}-06-01",
                )

    return nodes(), relationships()


def write_json(path: Path, actors: int, seed: int = 0) -> dict[str, int]:
    """Write the ecosystem as Maillage JSON, one record at a time."""
    nodes, relationships = generate(actors, seed)
    return maillage_json.write(
        path, nodes, relationships, {"synthetic": {"actors": actors, "seed": seed}}
    )


def write_csv(folder: Path, actors: int, seed: int = 0) -> dict[str, int]:
    """Write the ecosystem as a CSV folder (the spreadsheet templates' sheets),
    one record at a time."""
    from importers.formats.tables import write_csv_stream

    nodes, relationships = generate(actors, seed)
    return write_csv_stream(folder, nodes, relationships)
