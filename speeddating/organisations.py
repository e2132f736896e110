"""Spellings of one organisation, found so that colleagues are kept apart however they typed its name.

People type their organisation freely: "ML Blois", "Mission locale", "Mission Locale du Blaisois";
"CIO de Blois", "Centre d'information et d'orientation"; "France Travail - agence Blois Nord",
"FRANCE TRAVAIL", "Pôle emploi". Two spellings are taken for one organisation when

1. the people who wrote them share a professional e-mail domain (never a webmail, a documentation
   domain, or an umbrella domain such as an académie's, shared by unrelated structures);
2. both name the same national network (built-in table: France Travail/Pôle emploi/FT/PE, Mission Locale/ML,
   Cap emploi, CIO, CIDFF, APEC, AFPA, PLIE, CAF, CCAS, E2C, EPIDE, CFA, CMA, CCI...);
3. one is the acronym of the other ("ADMR", "Aide à domicile en milieu rural");
4. one is the other plus a place, a department number (glued or not: "CAF41") or an agency ("Emmaüs",
   "Emmaüs Blois");
5. they are spelled closely ("Mision Locale", "Mission Locale").

A stronger contrary signal wins: different networks always stay apart; the same network with
different places ("ML Blois", "ML Vendôme") stays two unless an e-mail domain joins them; different
professional domains undo rules 2 to 5. Merging suspected variants costs little (two people kept apart
who could have met) where missing one seats colleagues together, which is what the event exists to
avoid, so in doubt they are merged, and every merge is reported with its reason. The organiser splits
a merge back with an alias row mapping a spelling to itself.
"""

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from itertools import combinations

from speeddating.i18n import N_, t
from speeddating.text import fold, word_set

WEBMAIL_DOMAINS = word_set(
    """gmail.com googlemail.com yahoo.fr yahoo.com ymail.com hotmail.fr hotmail.com outlook.fr outlook.com live.fr
    live.com msn.com orange.fr wanadoo.fr free.fr sfr.fr neuf.fr laposte.net icloud.com me.com mac.com aol.com
    aol.fr gmx.fr gmx.com gmx.de protonmail.com proton.me pm.me yandex.com yandex.ru mail.ru bbox.fr
    numericable.fr club-internet.fr aliceadsl.fr noos.fr tutanota.com zoho.com mailo.com netcourrier.com
    posteo.net hotmail.be skynet.be bluewin.ch"""
)
"""Personal mailboxes: two people on one of these share nothing but a provider."""
RESERVED_DOMAIN = re.compile(r"(^|\.)(example\.(com|org|net)|example|test|invalid|localhost)$")
"""Documentation and test domains (RFC 2606): nobody's employer."""
UMBRELLA_DOMAIN = re.compile(r"(^|\.)(ac-[a-z-]+\.fr|gouv\.fr|education\.fr|[a-z-]+\.gouv\.fr)$")
"""Domains shared by many unrelated structures: an académie's (every CIO and school), the State's."""
UMBRELLA_GROUPS = 2
"""A domain joining more than this many otherwise unrelated organisations is an umbrella, not an employer."""
STOPWORDS = word_set("de du des la le les l d et en a au aux pour sur of the and for")
GENERIC_WORDS = word_set(
    """agence antenne site bureau point service services association asso centre maison lycee college ecole
    mairie ville commune entreprise societe groupe cabinet institut foyer club federation union comite
    structure organisme direction departement delegation espace relais plateforme residence siege sas sarl sa
    eurl scop ets etablissement territoriale territorial locale local regional regionale departemental
    departementale national nationale"""
)
"""Words that name a kind of organisation, not one organisation: "Lycée" alone is no school in particular."""
CLOSE_WORD = 0.8
CLOSE_SPELLING_MIN_LENGTH = 8
LARGEST_BUCKET = 400
"""Spellings sharing a key beyond this many ("Structure 1" to "Structure 900") share a generic word, not an
organisation: they are not compared pairwise, which keeps 5,000 organisations to seconds."""
CLOSE_PLACE = 0.75
"""Two places this alike are one place written two ways ("Blois", "Blaisois"; "Vendôme", "Vendômois")."""


@dataclass(frozen=True)
class Network:
    """A national network whose local structures people name by its name or acronym."""

    name: str
    names: tuple[str, ...]
    acronyms: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()


NETWORKS: tuple[Network, ...] = (
    Network(
        "France Travail",
        ("france travail", "pole emploi", "anpe"),
        ("ft", "pe"),
        ("francetravail.fr", "francetravail.org", "pole-emploi.fr", "pole-emploi.net"),
    ),
    Network("Mission Locale", ("mission locale", "missions locales", "mission locale jeunes"), ("ml", "mlj")),
    Network("Cap emploi", ("cap emploi",)),
    Network("CIO", ("centre d'information et d'orientation",), ("cio",)),
    Network(
        "CIDFF",
        (
            "centre d'information sur les droits des femmes et des familles",
            "centre d'information des droits des femmes et des familles",
        ),
        ("cidff",),
    ),
    Network("APEC", ("association pour l'emploi des cadres",), ("apec",), ("apec.fr",)),
    Network(
        "AFPA",
        ("agence nationale pour la formation professionnelle des adultes", "association pour la formation des adultes"),
        ("afpa",),
        ("afpa.fr",),
    ),
    Network(
        "PLIE",
        ("plan local pour l'insertion et l'emploi", "plan local pluriannuel pour l'insertion et l'emploi"),
        ("plie",),
    ),
    Network("CAF", ("caisse d'allocations familiales",), ("caf",), ("caf.fr",)),
    Network("CCAS", ("centre communal d'action sociale",), ("ccas",)),
    Network("CIAS", ("centre intercommunal d'action sociale",), ("cias",)),
    Network(
        "E2C",
        ("ecole de la deuxieme chance", "ecole de la 2e chance", "ecole de la 2eme chance", "ecole 2e chance"),
        ("e2c",),
    ),
    Network("EPIDE", ("etablissement pour l'insertion dans l'emploi",), ("epide",), ("epide.fr",)),
    Network("CFA", ("centre de formation d'apprentis", "centre de formation des apprentis"), ("cfa",)),
    Network(
        "CMA",
        ("chambre de metiers et de l'artisanat", "chambre des metiers et de l'artisanat", "chambre des metiers"),
        ("cma",),
    ),
    Network("CCI", ("chambre de commerce et d'industrie",), ("cci",)),
    Network("CPAM", ("caisse primaire d'assurance maladie",), ("cpam",)),
    Network("MSA", ("mutualite sociale agricole",), ("msa",), ("msa.fr",)),
    Network("MDPH", ("maison departementale des personnes handicapees",), ("mdph",)),
    Network("Maison de l'emploi", ("maison de l'emploi",), ("mde",)),
    Network("GRETA", ("greta",), ("greta",)),
    Network(
        "Information Jeunesse",
        ("information jeunesse", "point information jeunesse", "bureau information jeunesse"),
        ("pij", "bij", "crij"),
    ),
    Network("SPIP", ("service penitentiaire d'insertion et de probation",), ("spip",)),
    Network("URSSAF", ("urssaf",), ("urssaf",), ("urssaf.fr",)),
    Network("ADIL", ("agence departementale d'information sur le logement",), ("adil",)),
    Network("UDAF", ("union departementale des associations familiales",), ("udaf",)),
    Network("Conseil départemental", ("conseil departemental", "conseil general"), ("cd", "cg")),
)
"""The national networks of French employment, guidance and social services, with their usual names."""


GLUED_DEPARTMENT = re.compile(r"([a-z]{2,})(\d{2,3})")
"""An acronym and a department number written as one word ("CAF41", "CIDFF41", "ML41"): two words."""


def _unglued(word: str) -> tuple[str, ...]:
    glued = GLUED_DEPARTMENT.fullmatch(word)
    return glued.groups() if glued else (word,)


def words_of(text: str) -> list[str]:
    """An organisation's words as compared: folded, punctuation out, "C.I.O." as "cio", "l'emploi" as "l emploi",
    "CAF41" as "caf 41"."""
    tokens = [part for word in re.split(r"[^0-9a-z]+", fold(text)) if word for part in _unglued(word)]
    result: list[str] = []
    run: list[str] = []
    for token in [*tokens, ""]:
        if len(token) == 1 and token.isalpha():
            run.append(token)
            continue
        result.extend(["".join(run)] if len(run) >= 2 else run)
        run = []
        if token:
            result.append(token)
    return result


def significant(words: Iterable[str]) -> list[str]:
    return [word for word in words if word not in STOPWORDS]


@dataclass(frozen=True)
class _NetworkForm:
    network: Network
    words: tuple[str, ...]


def _network_forms() -> list[_NetworkForm]:
    """Every name and acronym of every network as significant words, longest first."""
    forms = [
        _NetworkForm(network, tuple(significant(words_of(name))))
        for network in NETWORKS
        for name in (*network.names, *network.acronyms)
    ]
    return sorted(forms, key=lambda form: -len(form.words))


NETWORK_FORMS = _network_forms()
NETWORK_ACRONYMS = frozenset(acronym for network in NETWORKS for acronym in network.acronyms)


def find_network(words: Sequence[str]) -> tuple[Network | None, tuple[str, ...]]:
    """The network a name designates and the words left once its name is taken out (the place, the
    agency); no network when the name mentions two ("Mission Locale et PLIE" is one joint structure)."""
    found: list[tuple[Network, int, int]] = []
    for form in NETWORK_FORMS:
        size = len(form.words)
        for start in range(len(words) - size + 1):
            if tuple(words[start : start + size]) == form.words and not any(
                start < end and begin < start + size for _, begin, end in found
            ):
                found.append((form.network, start, start + size))
    networks = {network.name for network, _, _ in found}
    if len(networks) != 1:
        return None, tuple(words)
    covered = {index for _, begin, end in found for index in range(begin, end)}
    rest = tuple(word for index, word in enumerate(words) if index not in covered)
    return found[0][0], rest


def qualifier(words: Iterable[str]) -> tuple[str, ...]:
    """What sets one local structure apart: its place or agency, without words such as "agence" or "site"."""
    return tuple(word for word in words if word not in GENERIC_WORDS)


def places_conflict(first: Sequence[str], second: Sequence[str]) -> bool:
    """Two qualifiers that name different places: both given, and neither contained in nor close to the other
    ("Blois" and "Blois Nord" agree, so do "Blois" and "Blaisois"; "Blois" and "Tours", "41" and "37" do not)."""
    if not first or not second:
        return False
    a, b = " ".join(first), " ".join(second)
    digits_a, digits_b = re.findall(r"\d+", a), re.findall(r"\d+", b)
    if digits_a and digits_b and set(digits_a) != set(digits_b):
        return True
    if set(first) <= set(second) or set(second) <= set(first):
        return False
    letters_a, letters_b = re.sub(r"\d+", "", a).strip(), re.sub(r"\d+", "", b).strip()
    if not letters_a or not letters_b:
        return False
    return difflib.SequenceMatcher(None, letters_a, letters_b).ratio() < CLOSE_PLACE


def email_domain(email: str) -> str:
    """The professional domain of an address, '' when it says nothing of the employer: no address, a webmail,
    a documentation domain, or an umbrella domain shared by unrelated structures."""
    domain = email.rpartition("@")[2].strip().casefold().removeprefix("www.").removeprefix("mail.")
    if not domain or domain in WEBMAIL_DOMAINS or RESERVED_DOMAIN.search(domain) or UMBRELLA_DOMAIN.search(domain):
        return ""
    return domain


WRITTEN_DOMAIN = re.compile(r"(?:[^@\s]*@)?((?:[a-z0-9-]+\.)+[a-z]{2,})")
"""An organisation written as its web or e-mail domain ("mlblois.fr", "@francetravail.fr", "www.cidff41.fr")."""


def written_domain(name: str) -> str:
    """The professional domain an organisation's name is written as, '' when it is a name of words."""
    found = WRITTEN_DOMAIN.fullmatch(name.strip().casefold())
    return email_domain("@" + found.group(1)) if found else ""


def domain_network(domain: str) -> Network | None:
    """The network whose own domain this is (francetravail.fr is France Travail's)."""
    return next((network for network in NETWORKS if domain in network.domains), None)


def organisation_of_address(email: str) -> str:
    """The organisation an address tells, for a list with no organisation column: the network whose domain
    it is, else the domain ("mlblois.fr"); a personal mailbox's provider ("gmail.com") tells nothing, yet
    is kept so that its people are at least kept apart from each other rather than lost."""
    domain = email.rpartition("@")[2].strip().casefold()
    network = domain_network(email_domain(email))
    return network.name if network is not None else domain


def _network_domain(network: Network | None, domain: str) -> str:
    """A network's several domains count as one (pole-emploi.fr and francetravail.fr are one employer)."""
    if network is not None and domain in network.domains:
        return "network:" + network.name
    return domain


class Reason(Enum):
    """Why two spellings were taken for one organisation, strongest first."""

    DOMAIN = N_("same e-mail domain {domain}")
    NETWORK = N_("both are {network}")
    ACRONYM = N_("an acronym and its full name, with {other}")
    PLACE = N_("the name of {other} with or without a place or agency")
    SPELLING = N_("spelled like {other}")


class Apart(Enum):
    """Why two spellings that look related stay two organisations."""

    NETWORKS = N_("different networks")
    PLACES = N_("different places")
    DOMAINS = N_("different e-mail domains")
    SPLIT = N_("kept apart in the aliases file")


@dataclass(frozen=True)
class Spelling:
    """One organisation name as folded, with the people who wrote it."""

    key: str
    words: tuple[str, ...]
    """The significant words (no stop words), as compared for networks, acronyms and places."""
    spelled: tuple[str, ...]
    """Every word, as compared for close spellings."""
    network: Network | None
    rest: tuple[str, ...]
    domains: frozenset[str]
    pinned: bool = False

    @classmethod
    def of(cls, name: str, emails: Iterable[str] = (), pinned: bool = False) -> "Spelling":
        spelled = tuple(words_of(name))
        words = tuple(significant(spelled))
        network, rest = find_network(words)
        own = written_domain(name)
        if own:
            network, rest = domain_network(own) or network, ()
        found = [domain for email in emails if (domain := email_domain(email))]
        domains = frozenset(_network_domain(network, domain) for domain in [*found, *([own] if own else [])])
        return cls(fold(name), words, spelled, network, qualifier(rest), domains, pinned)


@dataclass(frozen=True)
class Relation:
    """What two spellings are to each other: one organisation (with the reason), two (with the reason), or
    nothing known."""

    same: Reason | None = None
    apart: Apart | None = None
    domain: str = ""


UNRELATED = Relation()


def _initials(words: Sequence[str]) -> str:
    return "".join(word[0] for word in words)


def _acronym_of(short: Spelling, long: Spelling) -> tuple[str, ...] | None:
    """The words of `long` beyond the ones `short`'s acronym stands for, when `short` starts with an acronym
    (three letters or more) of `long`'s first words ("ADMR 41", "Aide à domicile en milieu rural de Blois")."""
    if not short.words or len(long.words) < 3:
        return None
    acronym = short.words[0]
    if len(acronym) < 3 or not acronym.isalpha() or len(acronym) > len(long.words):
        return None
    if _initials(long.words[: len(acronym)]) != acronym:
        return None
    return long.words[len(acronym) :]


def _distinctive(words: Sequence[str]) -> bool:
    """Words that designate one organisation rather than a kind ("Emmaüs", not "Lycée")."""
    return any(word not in GENERIC_WORDS and not word.isdigit() for word in words)


def relate(a: Spelling, b: Spelling) -> Relation:
    """How two spellings relate, by the rules of the module's docstring."""
    if a.key == b.key:
        return Relation(same=Reason.SPELLING)
    if a.pinned or b.pinned:
        return Relation(apart=Apart.SPLIT)
    if a.network and b.network and a.network is not b.network:
        return Relation(apart=Apart.NETWORKS)
    shared = sorted(a.domains & b.domains)
    domains_differ = bool(a.domains and b.domains and not shared)
    if a.network is not None and a.network is b.network:
        if places_conflict(a.rest, b.rest):
            return Relation(same=Reason.DOMAIN, domain=shared[0]) if shared else Relation(apart=Apart.PLACES)
        if domains_differ:
            return Relation(apart=Apart.DOMAINS)
        return Relation(same=Reason.NETWORK)
    if shared:
        return Relation(same=Reason.DOMAIN, domain=shared[0])
    found = _name_relation(a, b)
    if found is None:
        return UNRELATED
    if isinstance(found, Apart):
        return Relation(apart=found)
    return Relation(apart=Apart.DOMAINS) if domains_differ else Relation(same=found)


def _name_relation(a: Spelling, b: Spelling) -> Reason | Apart | None:
    """Rules 3 to 5, on the names alone."""
    for short, long in ((a, b), (b, a)):
        rest = _acronym_of(short, long)
        if rest is not None:
            return Apart.PLACES if places_conflict(qualifier(short.words[1:]), qualifier(rest)) else Reason.ACRONYM
    shorter, longer = sorted((a.words, b.words), key=len)
    if shorter and longer[: len(shorter)] == shorter and _distinctive(shorter):
        return Reason.PLACE
    if _spelled_closely(a.spelled, b.spelled):
        return Reason.SPELLING
    return None


def _spelled_closely(first: Sequence[str], second: Sequence[str]) -> bool:
    """The same words but for a typo or two ("Mision Locale", "Régie de quartiers"): as many words, at most two
    of them different, each of those a long word written closely; a short word or a number that differs
    ("Association A" and "B", "ADIL 41" and "45") is another organisation."""
    if len(first) != len(second) or sum(len(word) for word in first) < CLOSE_SPELLING_MIN_LENGTH:
        return False
    different = [(x, y) for x, y in zip(first, second, strict=True) if x != y]
    return 0 < len(different) <= 2 and all(
        min(len(x), len(y)) >= 4
        and x.isalpha()
        and y.isalpha()
        and difflib.SequenceMatcher(None, x, y).ratio() >= CLOSE_WORD
        for x, y in different
    )


def _candidate_pairs(spellings: Sequence[Spelling]) -> set[tuple[int, int]]:
    """Pairs worth comparing, found through shared keys (network, first word, initials, domain, first
    letters) instead of comparing every pair: 5,000 one-person organisations stay quick."""
    buckets: defaultdict[str, list[int]] = defaultdict(list)
    for index, spelling in enumerate(spellings):
        keys = {"domain:" + domain for domain in spelling.domains}
        if spelling.network is not None:
            keys.add("network:" + spelling.network.name)
        if spelling.words:
            keys.add("first:" + spelling.words[0])
            keys.add("start:" + " ".join(spelling.words)[:4])
            keys.add("acronym:" + spelling.words[0])
            keys.update("acronym:" + _initials(spelling.words[:size]) for size in range(3, len(spelling.words) + 1))
        for key in keys:
            buckets[key].append(index)
    pairs: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) <= LARGEST_BUCKET:
            pairs.update(combinations(members, 2))
    return pairs


@dataclass(frozen=True)
class Merge:
    """Spellings counted as one organisation, the one printed, and why each other spelling joined."""

    printed: str
    joined: tuple[tuple[str, str], ...]
    """(spelling as written, reason in words)."""


@dataclass(frozen=True)
class Grouping:
    """The organisation of every folded spelling, and what the organiser should be told about it."""

    printed: Mapping[str, str]
    """Folded spelling -> the name printed for its organisation."""
    merges: tuple[Merge, ...] = ()
    apart: tuple[tuple[str, str, str], ...] = ()
    """(printed name, printed name, reason): related-looking organisations kept as two."""
    doubts: tuple[tuple[str, str, str], ...] = field(default=())
    """(spelling, the organisation it was counted in, another it could belong to)."""


def _shouting(text: str) -> bool:
    """All in capitals with a long word that is no known acronym ("FRANCE TRAVAIL", not "CIDFF 41")."""
    letters = [char for char in text if char.isalpha()]
    if not letters or not all(char.isupper() for char in letters):
        return False
    return any(len(word) >= 5 and word not in NETWORK_ACRONYMS for word in words_of(text))


def _well_cased(text: str) -> bool:
    """Mixed case, with the networks' acronyms in capitals ("CIDFF 41", not "Cidff" nor "FRANCE TRAVAIL")."""
    letters = [char for char in text if char.isalpha()]
    if not letters or all(char.islower() for char in letters) or _shouting(text):
        return False
    return all(word.isupper() for word in re.split(r"[^\w]+", text) if word and fold(word) in NETWORK_ACRONYMS)


def printed_name(spellings: Counter[str], network: Network | None = None) -> str:
    """The spelling of the most people, counting spellings that differ only in case or accents together
    (on a tie, the network's own name, then the first written), then the most frequent of those in mixed
    case (a first row typed in capitals does not put capitals on every card); a network's own name when
    everybody shouted it."""
    order = {spelling: index for index, spelling in enumerate(spellings)}
    by_key: dict[str, list[str]] = {}
    for spelling in spellings:
        by_key.setdefault(fold(spelling), []).append(spelling)
    own = fold(network.name) if network is not None else None

    def weight(key: str) -> tuple[int, bool, int]:
        group = by_key[key]
        return -sum(spellings[s] for s in group), key != own, order[group[0]]

    group = by_key[min(by_key, key=weight)]
    cased = [spelling for spelling in group if _well_cased(spelling)]
    if not cased and network is not None and fold(group[0]) == own:
        return network.name
    return min(
        cased or group,
        key=lambda spelling: (-spellings[spelling], spelling != getattr(network, "name", None), order[spelling]),
    )


ELISIONS = word_set("d l qu j n s c")
"""French articles and prepositions elided before an apostrophe ("D'INFORMATION" is "d'Information")."""
_WORD_OR_NOT = re.compile(r"(\w+)")
ROMAN_NUMERAL = re.compile(r"[IVX]+")


def _kept_in_capitals(word: str) -> bool:
    """A word that stays in capitals in a name recased: a network's acronym, a word without a vowel ("FJT"),
    one holding a digit ("E2C", "62"), a Roman numeral ("HENRI IV")."""
    folded = fold(word)
    return (
        folded in NETWORK_ACRONYMS
        or not set(folded) & set("aeiouy")
        or any(char.isdigit() for char in word)
        or ROMAN_NUMERAL.fullmatch(word) is not None
    )


def readable(text: str, network: Network | None = None) -> str:
    """A name typed all in capitals as it is usually written: "MISSION LOCALE DE LENS" is "Mission Locale de
    Lens", "CENTRE D'INFORMATION ET D'ORIENTATION" is "Centre d'Information et d'Orientation".

    The rule: only a shouted name changes (`_shouting`: all capitals with a word of five letters or more that is
    no acronym), since a short name in capitals is most likely an acronym to keep ("CIDFF", "APEC", "UDAF DU
    NORD", "ML LENS"). Its words take a capital and lower case, the network's words its own casing ("CAP EMPLOI
    62" is "Cap emploi 62"), small words ("de", "du", "et"...) and elisions lower case except first, and acronyms,
    words without a vowel, with a digit or in Roman numerals stay as typed. The letters are those typed (accents
    lost stay lost), so the name folds as before and is the same organisation. Every list, card and screen prints
    the roster's name, so all of them show it so; an organiser who wants the capitals maps the spelling to itself
    in the aliases file."""
    if not _shouting(text):
        return text
    own = {fold(word): word for word in _WORD_OR_NOT.findall(network.name)} if network is not None else {}
    pieces = _WORD_OR_NOT.split(text)
    for words_seen, index in enumerate(range(1, len(pieces), 2)):
        word, folded = pieces[index], fold(pieces[index])
        elided = pieces[index + 1][:1] in ("'", "’") and folded in ELISIONS
        if _kept_in_capitals(word) and not elided:
            recased = word
        elif folded in own:
            recased = own[folded] if words_seen else own[folded][:1].upper() + own[folded][1:]
        elif words_seen and (folded in STOPWORDS or elided):
            recased = word.lower()
        else:
            recased = word[:1] + word[1:].lower()
        pieces[index] = recased
    return "".join(pieces)


def _reason_text(relation: Relation, other: str, network: Network | None) -> str:
    if relation.same is None:
        return ""
    return t(
        relation.same.value,
        domain=relation.domain.removeprefix("network:"),
        network=network.name if network else "",
        other=t("'{text}'", text=other),
    )


class _Clusters:
    """Union-find over spellings, refusing a union that would put two spellings kept apart together."""

    def __init__(self, spellings: Sequence[Spelling]) -> None:
        self.spellings = spellings
        self.parent = list(range(len(spellings)))
        self.members: dict[int, list[int]] = {index: [index] for index in range(len(spellings))}
        self.relations: dict[tuple[int, int], Relation] = {}

    def relation(self, a: int, b: int) -> Relation:
        key = (min(a, b), max(a, b))
        if key not in self.relations:
            self.relations[key] = relate(self.spellings[key[0]], self.spellings[key[1]])
        return self.relations[key]

    def find(self, index: int) -> int:
        while self.parent[index] != index:
            self.parent[index] = self.parent[self.parent[index]]
            index = self.parent[index]
        return index

    def veto(self, a: int, b: int) -> Apart | None:
        """Why the clusters of `a` and `b` cannot be one, if a member of each must stay apart."""
        for x in self.members[self.find(a)]:
            for y in self.members[self.find(b)]:
                apart = self.relation(x, y).apart
                if apart is not None:
                    return apart
        return None

    def union(self, a: int, b: int) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return
        if len(self.members[root_a]) < len(self.members[root_b]):
            root_a, root_b = root_b, root_a
        self.parent[root_b] = root_a
        self.members[root_a].extend(self.members.pop(root_b))


Edge = tuple[int, int, Relation]


def group(
    names: Sequence[str],
    emails: Mapping[str, Sequence[str]] | None = None,
    pinned: Iterable[str] = (),
) -> Grouping:
    """Group the organisation names of a list (one entry per person, as written) into organisations.

    `emails` gives, per name as written, its people's addresses (the domains are a signal); `pinned`
    spellings (the organiser split them off in the aliases file) are never merged with another."""
    pinned_keys = {fold(name) for name in pinned}
    written: dict[str, Counter[str]] = {}
    addresses: defaultdict[str, list[str]] = defaultdict(list)
    for name in names:
        written.setdefault(fold(name), Counter())[name] += 1
    for name, people in (emails or {}).items():
        addresses[fold(name)].extend(people)
    keys = list(written)
    spellings = [Spelling.of(next(iter(written[key])), addresses[key], key in pinned_keys) for key in keys]
    clusters = _Clusters(spellings)
    relations = [((a, b), clusters.relation(a, b)) for a, b in sorted(_candidate_pairs(spellings))]
    strength = list(Reason)
    by_name = [(a, b, relation) for (a, b), relation in relations if relation.same not in (None, Reason.DOMAIN)]
    by_name.sort(key=lambda edge: strength.index(edge[2].same))  # type: ignore[arg-type]
    used: list[Edge] = []
    doubts: list[Edge] = []
    for edge in by_name:
        _join(clusters, edge, used, doubts)
    for edge in _domain_edges(clusters, relations):
        _join(clusters, edge, used, doubts)
    return _grouping(clusters, keys, written, used, doubts, relations)


def _join(clusters: _Clusters, edge: Edge, used: list[Edge], doubts: list[Edge]) -> None:
    a, b, _ = edge
    if clusters.find(a) == clusters.find(b):
        return
    if clusters.veto(a, b) is not None:
        doubts.append(edge)
        return
    clusters.union(a, b)
    used.append(edge)


def _domain_edges(clusters: _Clusters, relations: Sequence[tuple[tuple[int, int], Relation]]) -> list[Edge]:
    """Rule 1, once the names have been grouped: a domain shared by more than UMBRELLA_GROUPS of those groups
    is an umbrella (a city's, a federation's) and joins nothing."""
    by_domain: defaultdict[str, list[Edge]] = defaultdict(list)
    for (a, b), relation in relations:
        if relation.same is Reason.DOMAIN:
            by_domain[relation.domain].append((a, b, relation))
    edges: list[Edge] = []
    for domain in sorted(by_domain):
        groups = {clusters.find(index) for a, b, _ in by_domain[domain] for index in (a, b)}
        if len(groups) <= UMBRELLA_GROUPS:
            edges.extend(by_domain[domain])
    return edges


def _grouping(
    clusters: _Clusters,
    keys: Sequence[str],
    written: Mapping[str, Counter[str]],
    used: Sequence[Edge],
    doubts: Sequence[Edge],
    relations: Sequence[tuple[tuple[int, int], Relation]],
) -> Grouping:
    printed: dict[str, str] = {}
    merges: list[Merge] = []
    neighbours: defaultdict[int, list[tuple[int, Relation]]] = defaultdict(list)
    for a, b, relation in used:
        neighbours[a].append((b, relation))
        neighbours[b].append((a, relation))
    networks = {root: _network_of(clusters, root) for root in clusters.members}
    shared = Counter(network.name for network in networks.values() if network is not None)
    for root in sorted(clusters.members, key=lambda root: min(clusters.members[root])):
        members = sorted(clusters.members[root])
        together: Counter[str] = Counter()
        placed: Counter[str] = Counter()
        for member in members:
            together.update(written[keys[member]])
            if clusters.spellings[member].rest:
                placed.update(written[keys[member]])
        network = networks[root]
        # Two Missions Locales in one list: each is printed with its place, not as "Mission Locale".
        several = network is not None and shared[network.name] > 1
        chosen = printed_name(placed if several and placed else together, network)
        pinned = any(clusters.spellings[member].pinned for member in members)
        name = chosen if pinned else readable(chosen, network)
        for member in members:
            printed[keys[member]] = name
        joined = [
            (spelling, t("same name in other capitals or accents"))
            for spelling in written[fold(name)]
            if spelling not in (name, chosen)
        ]
        start = keys.index(fold(name))
        seen = {start}
        queue = [start]
        while queue:
            current = queue.pop(0)
            for other, relation in sorted(neighbours[current], key=lambda item: item[0]):
                if other in seen:
                    continue
                seen.add(other)
                queue.append(other)
                parent = next(iter(written[keys[current]]))
                reason = _reason_text(relation, name if current == start else parent, clusters.spellings[other].network)
                joined.extend((spelling, reason) for spelling in written[keys[other]])
        if joined:
            merges.append(Merge(name, tuple(joined)))
    said: dict[tuple[str, ...], str] = {}
    for (a, b), relation in sorted(relations, key=lambda item: item[0]):
        if relation.apart in (Apart.PLACES, Apart.DOMAINS) and printed[keys[a]] != printed[keys[b]]:
            # One line per two organisations, whichever of their spellings were compared, in whichever order.
            said.setdefault(tuple(sorted((printed[keys[a]], printed[keys[b]]), key=fold)), t(relation.apart.value))
    apart = sorted((first, second, reason) for (first, second), reason in said.items())
    doubt_lines = sorted(
        {
            (next(iter(written[keys[x]])), printed[keys[x]], printed[keys[y]])
            for a, b, _ in doubts
            for x, y in ((a, b), (b, a))
            if printed[keys[x]] != printed[keys[y]]
            and keys[x] != fold(printed[keys[x]])
            and not any(clusters.relation(x, other).apart for other in clusters.members[clusters.find(y)])
        }
    )
    return Grouping(printed, tuple(merges), tuple(apart), tuple(doubt_lines))


def _network_of(clusters: _Clusters, root: int) -> Network | None:
    return next((clusters.spellings[m].network for m in clusters.members[root] if clusters.spellings[m].network), None)


def alias_target(aliases: Mapping[str, str]) -> dict[str, str]:
    """The alias table as looked up: folded other name -> the organisation to use."""
    return {fold(alias): name for alias, name in aliases.items()}


def pinned_names(aliases: Mapping[str, str]) -> list[str]:
    """The names the organiser mapped to themselves: their own organisation, never merged automatically."""
    return [alias for alias, name in aliases.items() if fold(alias) == fold(name)]


def organisation_names(
    names: Sequence[str], emails: Mapping[str, Sequence[str]] | None = None, aliases: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Each name as written -> the organisation it counts in, after the alias table and the variants: how the
    history's report names the organisations recorded over the sessions."""
    target = alias_target(aliases or {})
    renamed = {name: target.get(fold(name), name) for name in names}
    grouping = group(
        [renamed[name] for name in names],
        {renamed[name]: people for name, people in (emails or {}).items()},
        pinned=pinned_names(aliases or {}),
    )
    return {name: grouping.printed[fold(renamed[name])] for name in names}


def same_organisation(
    first: str, second: str, first_emails: Sequence[str] = (), second_emails: Sequence[str] = ()
) -> bool:
    """Whether two spellings are one organisation for the rules above, on their own (the history uses it
    to recognise a person whose organisation is written another way)."""
    if fold(first) == fold(second):
        return True
    return relate(Spelling.of(first, first_emails), Spelling.of(second, second_emails)).same is not None
