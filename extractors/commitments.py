"""Commitments: what the government promises to report, send or publish (toezegging), the goals it
sets with a date (target) and the actions it announces (plan), with the vehicle (Defensienota 2026,
Stand van Defensie najaar 2026, STRAIIK-D, ...) and the due moment as an interval.

Only the government's own text counts (answers and its letters), never a fractie's question. A
commitment is a sentence with a commitment verb phrase; its span is the sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from extractors import literals
from extractors.document import GOVERNMENT_FUNCTIONS, GOVERNMENT_KINDS, Document, Mention
from extractors.locate import Locator, MentionsByStart, locator
from extractors.periods import periods_of
from extractors.registry import Extractor
from extractors.text import SURNAME_PATTERN, lowered_pattern

NAME, VERSION = "commitments", "14"
LABEL = f"{NAME}@{VERSION}"

# who receives a promise, and who makes it (on lower-cased sentences)
_KAMER = r"(?:u|uw\s+kamer|de\s+kamer|(?:de\s+|uw\s+)?(?:vaste\s+)?(?:kamer)?commissie)"
_WE = r"(?:ik|wij|we|het\s+kabinet|defensie|de\s+minister|de\s+staatssecretaris)"
_GO = r"(?:ga|gaat|gaan)"


def _we_and(verb: str) -> str:
    """The government and its verb in either order: "ik ga" and, after a fronted phrase, "ga ik"."""
    return rf"(?:{_WE}\s+{verb}|{verb}\s+{_WE})"


# a paper handed to the Kamer, in the passive ("wordt u voorgelegd", "aan de Kamer worden toegezonden")
_HANDED = r"(?:aangeboden|gestuurd|toegestuurd|voorgelegd|toegezonden|verzonden|ingediend)"

# Each pattern with the words one of its matches must contain: a pattern runs only on sentences
# that have one of them (a search with bounded gaps costs some 40 µs a sentence; a substring test
# next to nothing).
_TOEZEGGING_RULES = [
    (("informe", "geïnformeerd", "geinformeerd"), re.compile(
        r"(?:wordt|worden|zal|zullen)\s+(?:u|uw\s+Kamer|de\s+Kamer|uw\s+commissie)\b.{0,100}?\b(?:ge[iï]nformeerd|informeren)"
        r"|\b(?:u|uw\s+Kamer|de\s+Kamer)\s+(?:wordt|zal)\b.{0,140}?\b(?:ge[iï]nformeerd|informeren)"
        r"|\binformeren\s+(?:wij|we|ik)\s+(?:u|uw\s+Kamer)"
        r"|\bu\s+(?:hierover\s+)?(?:nader\s+)?(?:informeren|ge[iï]nformeerd)", re.I)),
    (("informe", "specificeren", "rapport", "ingaan", "toelichten"), re.compile(
        r"\b(?:zullen\s+we|zullen\s+wij|zal\s+ik)\b.{0,100}?\b(?:informeren|specificeren|rapporteren|ingaan|toelichten)", re.I)),
    (("rapport",), re.compile(
        r"\b(?:rapporteert|rapporteren|gerapporteerd|rapportage)\b.{0,100}?"
        r"\b(?:Stand van Defensie|NAVO|jaarlijks|voorjaar|najaar|Q[1-4]|dit jaar|voor het eerst)"
        r"|\bin\s+de\s+(?:Stand van Defensie|SVD)\b.{0,100}?\b(?:rapporteert|rapporteren|gerapporteerd|informeert)", re.I)),
    (("verschijnt", "gestuurd", "aangeboden", "uitgewerkt", "ingegaan", "gaat het kabinet in", "volgt in", "pdat"), re.compile(
        r"\b(?:verschijnt|aan\s+u\s+gestuurd|naar\s+uw\s+Kamer\s+gestuurd|wordt\s+aangeboden|wordt\s+.{0,40}?uitgewerkt"
        r"|zal\s+ingegaan\s+worden|gaat\s+het\s+kabinet\s+in\s+op|volgt\s+in\s+Q[1-4]|ge[uü]pdatet)", re.I)),
    (("deel ", "deelt", "delen"), re.compile(r"\b(?:deel|deelt|delen)\b.{0,100}?\bmet\s+(?:uw|de)\s+Kamer", re.I)),
    (("sturen", "zenden"), re.compile(r"\b(?:aan|naar)\s+(?:u|uw\s+Kamer)\b.{0,40}?\b(?:sturen|toesturen|zenden)\b", re.I)),
    # the subject first, in the present tense: "Ik stuur uw Kamer de evaluatie voor de zomer", "Het
    # kabinet informeert de Kamer in het najaar": a promise when the sentence names a time still to
    # come (a covering letter's "Ik stuur u de antwoorden" names none)
    (("stuur", "sturen", "zend", "bied", "informe"), re.compile(
        rf"\b{_WE}\s+(?:stuur|stuurt|sturen|zend|zendt|zenden|bied|biedt|bieden|informeer|informeert|informeren)\s+"
        rf"(?:[\w-]+\s+){{0,4}}?{_KAMER}\b", re.I)),
    # the same in a clause, verb last: "kan ik zeggen dat ik de Kamer voor het zomerreces een plan stuur",
    # "..., waarna ik deze met een beleidsreactie aan uw Kamer zend"
    (("stuur", "zend", "bied", "informeer", "bericht"), re.compile(
        rf"\b(?:dat|zodat|waarna|zodra|nadat)\s+{_WE}\s+(?:[\w-]+\s+){{0,6}}?(?:aan\s+|naar\s+)?{_KAMER}\b.{{0,100}}?"
        r"\b(?:stuur|stuurt|sturen|toestuur|toestuurt|zend|zendt|toezend"
        r"|toezendt|aanbied|aanbiedt|informeer|informeert|bericht)\b", re.I)),
    (("publice",), re.compile(
        rf"\bworden\s+.{{0,60}}?gepubliceerd|\bresultaten\s+.{{0,100}}?publiceren"
        rf"|\b{_we_and('(?:publiceert|publiceren|publiceer)')}\b", re.I)),
    # the Kamer as the one told, in the verbs of telling and handing over besides "informeren"
    # ("zal ik uw Kamer daarover berichten", "Ik verwacht u ... de rapportage te kunnen sturen",
    # "wordt u voor het einde van het jaar voorgelegd", "zal ... aan uw Kamer worden aangeboden")
    (("bericht", "hoogte", "toekomen", "voor te leggen", "ingediend", "voorleggen", "voorgelegd", "beschikking", "toegestuurd",
      "toesturen", "toezenden", "toegezonden", "aanbieden", "aan te bieden", "aangeboden", "sturen", "zenden", "informeren"),
     re.compile(
        rf"\b{_KAMER}\b.{{0,100}}?\b(?:berichten|op\s+de\s+hoogte\s+(?:stellen|brengen|houden)|doen\s+toekomen"
        r"|voor\s+te\s+leggen|voorleggen|ter\s+beschikking\s+(?:te\s+)?stellen|toe\s+te\s+(?:sturen|zenden)|toesturen"
        r"|toezenden|aan\s+te\s+bieden|aanbieden|te\s+(?:kunnen\s+)?(?:sturen|zenden|informeren))\b"
        rf"|\b(?:wordt|worden)\s+{_KAMER}\b.{{0,100}}?\b(?:{_HANDED}|ter\s+beschikking\s+gesteld|op\s+de\s+hoogte\s+(?:gesteld|gebracht))\b"
        rf"|\b(?:aan|naar|bij)\s+{_KAMER}\s+(?:worden|wordt)\s+{_HANDED}\b"
        rf"|\b(?:wordt|worden)\b[^.;]{{0,80}}?\b(?:aan|naar|bij)\s+{_KAMER}\s+{_HANDED}\b"
        rf"|\b(?:bericht|stel|stelt|stellen)\s+(?:ik|wij|we|het\s+kabinet)\s+{_KAMER}\b", re.I)),
    # "Het kabinet komt voor de begrotingsbehandeling met een uitgewerkt voorstel"
    (("komt", "komen", "kom "), re.compile(
        rf"\b(?:{_WE}\s+(?:komt|komen|kom)|(?:komt|komen|kom)\s+{_WE})\b.{{0,80}}?\bmet\s+(?:een|het|de|mijn|ons|onze)\b"
        r"(?:\s+[\w-]+){0,3}?\s+(?:voorstel|plan|brief|notitie|visie|reactie|kabinetsreactie|uitwerking|wetsvoorstel"
        r"|rapportage|overzicht|evaluatie|nota|strategie)\w*", re.I)),
    (("gesprek",), re.compile(
        rf"\b{_we_and(_GO)}\s+(?:namelijk\s+)?(?:graag\s+)?(?:met\s+[^.;]{{1,60}}?\s+)?(?:het\s+gesprek|in\s+gesprek)",
        re.I)),
    # the government's own future act of telling or handing over, after a modal ("Ik zal u voor het
    # einde van dit jaar een rapportage sturen", "Wij zullen de Kamer jaarlijks ... rapporteren")
    (("informeren", "sturen", "zenden", "aanbieden", "rapporteren", "berichten", "voorleggen", "toelichten", "terugkomen",
      "publiceren", "indienen", "toekomen", "ingaan"), re.compile(
        rf"\b{_we_and('(?:zal|zullen)')}\b(?:(?!\bniet\b)[^.;]){{0,120}}?"
        r"\b(?:informeren|sturen|toesturen|zenden|toezenden|aanbieden|rapporteren|berichten|voorleggen|toelichten"
        r"|terugkomen|publiceren|indienen|doen\s+toekomen|ingaan)\b", re.I)),
    # "In de volgende Stand van Defensie ga ik nader in op ...": going into a matter, in a later paper
    (("in op",), re.compile(
        rf"\b{_we_and(_GO)}\b.{{0,80}}?\bin\s+op\b", re.I)),
    # a paper that follows: "Begin 2027 volgt een brief over ...", "Een kabinetsreactie volgt voor de zomer"
    (("volgt",), re.compile(
        r"\bvolgt\s+(?:[\w-]+\s+){0,4}?(?:een|de|het|mijn|onze)\s+(?:[\w-]+\s+)?(?:brief|kamerbrief|rapportage|evaluatie|nota"
        r"|reactie|kabinetsreactie|overzicht|uitwerking|voorstel|wetsvoorstel|plan|visie|notitie)\b"
        # the paper first, a compound or named one too: "De Voortgangsrapportage Materieel volgt in het najaar"
        r"|\b[\w-]*(?:brief|rapportage|evaluatie|reactie|kabinetsreactie|uitwerking|wetsvoorstel|overzicht|nota)"
        r"(?:\s+[A-Z][\w-]*){0,3}\s+volgt\b", re.I)),
    # the report the minister makes, the verb before its subject after a fronted phrase: "In het
    # Defensie Projectenoverzicht, dat u in september ontvangt, rapporteer ik over de voortgang"
    (("rapporteer",), re.compile(r"\brapporteer\s+ik\b|\brapporteren\s+(?:wij|we)\b", re.I)),
]  # fmt: skip


# Promises in the present tense, which Dutch uses for what is still to come: the Kamer as the one
# who receives ("Uw Kamer ontvangt jaarlijks een overzicht"), a report made to it ("wordt
# halfjaarlijks aan de Kamer gerapporteerd"), or the minister's own act with the verb before its
# subject after a fronted phrase or clause ("Zodra de evaluatie gereed is, stuur ik deze naar uw
# Kamer"). A past tense (ontving, stuurde, rapporteerde) matches none of them.
_PROMISE_NOW_RULES = [
    (("ontvangt", "krijgt"), re.compile(
        rf"\b{_KAMER}\s+(?:ontvangt|krijgt)\b|\b(?:ontvangt|krijgt)\s+{_KAMER}\b", re.I)),
    (("gerapporteerd", "rapporte"), re.compile(
        rf"\b(?:wordt|worden|rapporteert|rapporteren|rapporteer)\b.{{0,100}}?\b(?:aan|naar)\s+{_KAMER}\b"
        rf"|\b(?:aan|naar)\s+{_KAMER}\b.{{0,60}}?\b(?:gerapporteerd|rapporteren)\b", re.I)),
    # the Kamer told through a paper still to come: "Over de uitkomsten wordt uw Kamer via het verslag
    # geïnformeerd", "Uw Kamer wordt in de voortgangsrapportage geïnformeerd over de kosten"
    (("geïnformeerd", "geinformeerd"), re.compile(
        rf"(?:\b(?:wordt|worden)\s+{_KAMER}|\b{_KAMER}\s+(?:wordt|worden))\s+(?:[\w-]+\s+){{0,3}}?"
        r"(?:via|in|met|middels|door\s+middel\s+van)\s+(?:het|de|een)\b[^.;]{0,100}?\bge[iï]nformeerd\b", re.I)),
    # "Ik zeg u toe dat ...", "Ik wil de heer Kramers toezeggen dat ...", "daar kom ik in het najaar op terug"
    (("zeg", "toezeggen", "terug"), re.compile(
        rf"\b{_WE}(?:\s+van\s+[a-z]+)?\s+(?:zeg|zegt|zeggen)\b.{{0,120}}?\btoe\b|"
        r"\b(?:zeg|zeggen)\s+(?:ik|wij|we)\b.{0,60}?\btoe\b|\b(?:wil|kan|zal)\s+(?:ik|wij|we)?\b.{0,60}?\btoezeggen\b"
        r"|\b(?:kom|komen)\s+(?:ik|wij|we)\b.{0,100}?\bterug\b|\b(?:ik|wij|we)\b.{0,100}?\bterugkom(?:en)?\b"
        r"|\b(?:ik|wij|we)\s+(?:kom|komen)\b.{0,100}?\bop\s+terug\b", re.I)),
    # keeping the Kamer informed is a standing promise in the present tense: "Ik houd uw Kamer op de
    # hoogte", "Uw Kamer wordt periodiek op de hoogte gehouden"
    (("hoogte",), re.compile(
        rf"\b(?:houd|houdt|houden)\s+(?:ik|wij|we|het\s+kabinet|defensie)?\s*{_KAMER}\b.{{0,60}}?\bop\s+de\s+hoogte\b"
        rf"|\b{_KAMER}\s+(?:wordt|worden)\b(?:(?!\bdoor\b).){{0,80}}?\bop\s+de\s+hoogte\s+gehouden\b", re.I)),
    (("stuur", "sturen", "zend", "bied", "informeer"), re.compile(
        rf"\b(?:stuur|sturen|stuurt|zend|zenden|zendt|bied|bieden|biedt)\s+{_WE}\b.{{0,80}}?\b{_KAMER}\b"
        rf"|\binformeer\s+ik\s+{_KAMER}\b|\binformeert\s+(?:het\s+kabinet|defensie|de\s+minister)\s+{_KAMER}\b", re.I)),
]  # fmt: skip

# An offer to the Kamer, conditional as offers are: "Indien uw Kamer dat wenst, ben ik bereid een
# technische briefing te laten verzorgen", "Daartoe zijn wij graag bereid" (not "niet bereid")
_OFFER_RULES = [
    (("bereid",), re.compile(
        r"\b(?:ben|zijn|is)\s+(?:ik|wij|we|het\s+kabinet|defensie)\s+(?:graag\s+|uiteraard\s+|altijd\s+)?bereid\b"
        r"|\b(?:ik|wij|we|het\s+kabinet|defensie)\s+(?:ben|zijn|is)\s+(?:graag\s+|uiteraard\s+|altijd\s+)?bereid\b", re.I)),
]  # fmt: skip

# Money made available, decided or reserved: a funding verb and an amount in one sentence.
_MONEY = r"(?:€|\beur\b|\beuro\b|\d\s*(?:mln|mld|mrd|miljoen|miljard)\b)"
_BUDGET_RULES = [
    (("reserve", "investe", "geïnvesteerd", "vrij", "uit", "beschikbaar", "toe te voegen", "toegevoegd", "voegt", "toevoegen"),
     re.compile(
        rf"^(?=.*?{_MONEY})(?=.*?(?:\b(?:reserveert|reserveren|gereserveerd|investeert|investeren|geïnvesteerd"
        r"|vrijgemaakt|vrij\s+te\s+maken|vrijmaken|uitgetrokken|uit\s+te\s+trekken|toe\s+te\s+voegen|toegevoegd|toevoegen)\b"
        r"|\b(?:trekt|trekken)\b.{0,80}?\buit\b|\b(?:maakt|maken)\b.{0,60}?\bvrij\b|\bvoegt\b.{0,80}?\btoe\b"
        r"|\b(?:stelt|stellen|gesteld)\b.{0,80}?\bbeschikbaar\b|\bbeschikbaar\s+(?:te\s+)?(?:stellen|gesteld)\b))",
        re.I)),
]  # fmt: skip

# Continued policy: the government keeps doing what it does.
# (verbs of a concrete contribution: "blijft werken aan", "blijft investeren in" name an aim, no undertaking)
_GOES_ON = r"(?:bijdragen|steunen|ondersteunen|inzetten|leveren|financieren|deelnemen|voortzetten|handhaven|continueren)"
_LEVEL = r"op\s+(?:het\s+)?(?:huidige|hetzelfde|dit|peil|niveau)"
_CONTINUED_RULES = [
    (("houden", "houdt"), re.compile(
        rf"\b(?:{_WE}|nederland)\s+(?:houden|houdt)\b.{{0,80}}?\b{_LEVEL}\b"
        rf"|\b(?:houden|houdt)\s+(?:{_WE}|nederland)\b.{{0,80}}?\b{_LEVEL}\b", re.I)),
    # "heeft besloten de steun ... op hetzelfde niveau te handhaven"
    (("niveau", "peil"), re.compile(
        rf"\b(?:{_WE}|nederland)\b.{{0,100}}?\b{_LEVEL}\b(?:\s+\w+)?\s+(?:te\s+)?(?:houden|handhaven|voortzetten|continueren)\b",
        re.I)),
    (("blijft", "blijven"), re.compile(
        rf"\b(?:{_WE}|nederland)\s+(?:blijft|blijven)\b.{{0,80}}?\b{_GOES_ON}\b"
        rf"|\b(?:blijft|blijven)\s+(?:{_WE}|nederland)\b.{{0,80}}?\b{_GOES_ON}\b", re.I)),
    (("voort", "continu", "handha"), re.compile(
        rf"\b(?:{_WE}|nederland)\s+(?:zet|zetten)\b.{{0,100}}?\bvoort\b|\b(?:zet|zetten)\s+(?:{_WE}|nederland)\b.{{0,100}}?\bvoort\b"
        rf"|\b(?:{_WE}|nederland)\s+(?:continueert|continueren|handhaaft|handhaven)\b"
        rf"|\b(?:continueert|continueren|handhaaft|handhaven)\s+(?:{_WE}|nederland)\b"
        r"|\b(?:wordt|worden)\b.{0,80}?\b(?:gecontinueerd|voortgezet|gehandhaafd)\b", re.I)),
]  # fmt: skip

# Undertakings to examine: the government looks into something (of, hoe, welke, in hoeverre ...).
_WHAT = r"(?:of|hoe|welke|wat|waar|wanneer|in\s+hoeverre|op\s+welke\s+wijze|de\s+mogelijkhe(?:id|den))"
_EXAMINE = r"(?:onderzoek|onderzoeken|onderzoekt|verken|verkennen|verkent|bekijk|bekijken|bekijkt)"
_EXAMINATION_RULES = [
    (("onderzoek", "verken", "bekijk", "uitzoek", "nagaan", "bezien", "na of", "na hoe", "na welke", "na in hoeverre"),
     re.compile(
        rf"\b{_WE}\s+(?:{_EXAMINE}|gaan\s+na|ga\s+na|gaat\s+na)\s+(?:nu\s+|nader\s+)?{_WHAT}\b"
        rf"|\b(?:{_EXAMINE}|gaan|ga|gaat)\s+{_WE}\s+(?:na\s+|nu\s+|nader\s+)?{_WHAT}\b"
        rf"|\b{_WE}\s+(?:laat|laten)\b[^.;]{{0,80}}?\b(?:onderzoeken|nagaan|verkennen|uitzoeken)\b"
        rf"|\b{_WE}\s+(?:zal|zullen|gaat|gaan|ga)\b.{{0,80}}?\b(?:onderzoeken|verkennen|bekijken|nagaan|uitzoeken|bezien)\s+{_WHAT}\b"
        rf"|\b(?:wordt|worden)\s+(?:nu\s+|nader\s+|momenteel\s+)?(?:onderzocht|verkend|bekeken|nagegaan)\s+{_WHAT}\b", re.I)),
]  # fmt: skip


_TARGET_RULES = [
    (("streef", "streven"), re.compile(
        r"\b(?:streef|streeft|streven|streef(?:cijfer|waarde))\b.{0,60}?\b(?:naar|ernaar|er\s+naar|om)\b", re.I)),
    (("uiterlijk",), re.compile(r"\b(?:wil|moet)\s+uiterlijk\s+in\s+\d{4}|\bmoet\s+uiterlijk\b", re.I)),
    # "Defensie wil in 2028 ten minste 95% van de functies gevuld hebben": the government's wish with a year
    (("wil",), re.compile(
        rf"\b{_we_and('(?:wil|willen)')}\b[^.;]{{0,100}}?\b(?:in|uiterlijk\s+in|v[oó][oó]r|per|eind|begin|medio)\s+20\d{{2}}\b",
        re.I)),
    # a state to reach by a year: "De kazerne moet in 2030 gereed zijn", "moeten eind 2027 operationeel zijn"
    (("moet",), re.compile(
        r"^(?=.*?\b20\d{2}\b).*?\b(?:moet|moeten)\b[^.;]{0,80}?\b(?:gereed|klaar|operationeel|gevuld|ingericht"
        r"|gerealiseerd|afgerond|voltooid|op\s+orde|inzetbaar)\b", re.I)),
    (("groeien",), re.compile(r"\bgroeien\s+(?:we\s+)?(?:door\s+)?naar\b.{0,100}?\b(?:in|vanaf)\s+\d{4}", re.I)),
    (("gecommitteerd",), re.compile(r"\bgecommitteerd\s+aan\b", re.I)),
    (("verankeren",), re.compile(r"\bwettelijk\s+te\s+verankeren\b", re.I)),
]  # fmt: skip
# what starts, is decided or is planned at a time still to come (the sentence must name one: see
# _accept): "De bouw start naar verwachting eind 2026", "Met de bouw wordt begin 2027 gestart", "De
# oplevering is voorzien in 2031", "Het kabinet neemt hierover na de zomer een besluit"
_PLAN_SOON_RULES = [
    (("start", "begint", "beginnen", "begonnen"), re.compile(
        r"(?<!van )\b(?:start|starten|begint|beginnen)\b|\b(?:wordt|worden)\b[^.;]{0,60}?\b(?:gestart|begonnen)\b", re.I)),
    (("voorzien", "gepland"), re.compile(
        r"\b(?:is|zijn|staat|staan)\s+(?:[\w-]+\s+){0,3}?(?:voorzien|gepland)\s+(?:in|voor|op|rond|medio|eind|begin)\b", re.I)),
    (("besluit",), re.compile(
        rf"\b{_we_and('(?:neemt|nemen|neem)')}\b[^.;]{{0,80}}?\bbesluit\b", re.I)),
    # what is finished, delivered or brought in: "De aanbesteding wordt in het derde kwartaal afgerond",
    # "De eerste F-35 wordt in 2027 geleverd", "De regeling treedt op 1 januari 2027 in werking"
    (("afgerond", "opgeleverd", "geleverd", "ingevoerd", "aangeschaft", "gerealiseerd", "voltooid", "aanbesteed",
      "in gebruik", "in werking"), re.compile(
        r"\b(?:wordt|worden)\b[^.;]{0,80}?\b(?:afgerond|opgeleverd|geleverd|ingevoerd|aangeschaft|gerealiseerd|voltooid"
        r"|aanbesteed|in\s+gebruik\s+genomen)\b|\b(?:treedt|treden)\b[^.;]{0,60}?\bin\s+werking\b", re.I)),
    # the government's (or Nederland's) own delivery: "Nederland levert in 2027 nog twintig voertuigen"
    (("levert", "leveren"), re.compile(
        rf"\b(?:{_WE}|nederland)\s+(?:levert|leveren)\b|\b(?:levert|leveren)\s+(?:{_WE}|nederland)\b", re.I)),
]  # fmt: skip
_PLAN_RULES = [
    (("start",), re.compile(r"\b(?:start|starten)\s+(?:een|de)\b.{0,100}?(?:campagne|project|programma)", re.I)),
    (("opgepakt",), re.compile(r"\bworden\s+.{0,60}?\bopgepakt\b", re.I)),
    (("voornemens",), re.compile(r"\b(?:zijn|is|ben)\s+(?:we\s+|ik\s+)?voornemens\b|\bvoornemens\s+(?:om|te)\b", re.I)),
    (("bezien",), re.compile(r"\bbezien\s+de\s+mogelijkheden\b", re.I)),
    (("meenemen",), re.compile(
        r"\b(?:zal|zullen)\s+(?:dit|deze|dat|het)\s+advies\b.{0,60}?\bmeenemen\b|\bzal\s+dit\s+meenemen\b", re.I)),
    (("verankerd", "ingevoerd", "afgerond", "verlengd", "ingediend", "uitgebreid", "opgeleverd", "geëvalueerd"), re.compile(
        r"\b(?:zal|zullen)\b.{0,60}?\bworden\s+(?:verankerd|ingevoerd|afgerond|verlengd|ingediend|uitgebreid|opgeleverd"
        r"|geëvalueerd)\b", re.I)),
    # something new that comes, at a time still to come ("Er komt een regeling die per 1 januari 2027
    # in werking treedt")
    (("er komt",), re.compile(r"\ber\s+komt\s+(?:een|de|het)\b", re.I)),
    # the government's own act still to come, after "zal" or "gaat" ("Defensie gaat de komende twee
    # jaar 500 reservisten opleiden"); not a refusal, an assumption or a reply
    # (Nederland too, as the government speaks of its own country's part: "Nederland zal ... presenteren"; the
    # infinitive last, or before a phrase it governs: "zal aandringen op een snellere levering")
    (("zal", "zullen", "gaat", "gaan", "ga "), re.compile(
        rf"\b(?:{_WE}|nederland)\s+(?:zal|zullen|gaat|gaan|ga)\b"
        r"(?!\s+(?:er\s*van\s+uit|hier\s+niet|daar\s+niet|niet\b|nu\s+in\s+op|in\s+op\b|over\b|na\b))"
        r"(?:(?!\b(?:niet|geen|ervan\s+uit|uit\s+van)\b)[^.;?]){3,150}?\b\w{3,}en\b"
        r"(?:\s+(?:op|aan|in|voor|over|met|naar|bij|tot|tegen)\s[^.;?]{0,120}?)?\s*[.;]?\s*$", re.I)),
    (("mogelijk maken",), re.compile(r"\bgaat\s+Defensie\b.{0,100}?\bmogelijk\s+maken\b|\bmogelijk\s+maken\s+om\b", re.I)),
]  # fmt: skip


# In order of precedence: a sentence that promises to inform is a toezegging even if it sets a goal, and
# one that will look into something ("zal bezien of ...") an examination though it names an act to come.
# "toezegging now" is a toezegging whose present tense is the promise itself (no future word needed).
_RULE_GROUPS = (
    ("toezegging", _TOEZEGGING_RULES), ("toezegging now", _PROMISE_NOW_RULES), ("toezegging offer", _OFFER_RULES),
    ("target", _TARGET_RULES), ("budget", _BUDGET_RULES), ("examination", _EXAMINATION_RULES), ("plan", _PLAN_RULES),
    ("plan", _CONTINUED_RULES), ("plan soon", _PLAN_SOON_RULES),
)  # fmt: skip
_RULES = [(type_, words, lowered_pattern(pattern)) for type_, rules in _RULE_GROUPS for words, pattern in rules]


def _types(low: str, rules: set[int]) -> Iterator[str]:
    """The kinds of commitment the (lower-cased) sentence may make, in order of precedence, trying
    only the rules whose words it holds (a sentence that fails one kind's test, say a promise to
    send without a time to come, may still be another: an intention, money reserved)."""
    tried: set[str] = set()
    for i in sorted(rules):
        type_, _, pattern = _RULES[i]
        if type_ not in tried and pattern.search(low):
            tried.add(type_)
            yield type_


_VEHICLES = re.compile(
    r"(?:Defensienota(?:\s+\d{4})?|Stand van Defensie(?:\s+(?:voorjaar|najaar)\s+\d{4}|\s+\d{4})?|SVD(?:\s+(?:voorjaar|najaar))?"
    r"|Ontwerpbegroting\s+\d{4}|Jaarverslag\s+\d{4}|STRAIIK-\s?D|Defensie Projectenoverzicht(?:\s+\d{4})?|DPO"
    r"|Kamerbrief|verslag\s+van\s+de\s+RBZ|voortgangsrapportage|vertrouwelijke\s+bijlage|wetsvoorstel|website\s+van\s+de\s+Rijksoverheid)"
)
_TZ = re.compile(r"TZ\d{6}-\d{3}")
_T_NUMBER = re.compile(r"\((T\d{5})\)")  # an entry of the Eerste Kamer's register: "Toezegging ... (T03512)"


# on lower-cased sentences (see lowered_pattern)
_PAST_OR_CURRENT = lowered_pattern(re.compile(r"\btot\s+op\s+heden\b|\breeds\b", re.I))
_FUTURE = lowered_pattern(
    re.compile(
        r"\b(?:zal|zullen|gaan|gaat|toekomst\w*|voortaan|binnenkort|dit\s+jaar|volgende|eerstvolgende|voor\s+het\s+eerst"
        r"|jaarlijks|halfjaarlijks|maandelijks|wekelijks|elk\s+kwartaal|per\s+kwartaal|ieder\s+jaar|elk\s+jaar"
        r"|(?:twee|drie|vier)\s+keer\s+per\s+jaar|(?:elk|ieder|per)\s+half\s+jaar|(?:elke|iedere)\s+maand"
        # an aim or an expectation, and what follows it ("Ik streef ernaar u ... te sturen", "..., waarna ik ...")
        r"|(?:streef|streeft|streven)\s+ernaar|naar\s+verwachting|uiterlijk|waarna"
        r"|later\s+in\s+het\s+jaar|zoals\s+gebruikelijk|zoals\s+gewoonlijk|volgend\s+jaar|komend\s+jaar|het\s+komende\s+jaar"
        r"|(?:voor|na)\s+de\s+zomer|(?:voor|na)\s+het\s+(?:zomer|kerst|herfst|voorjaars)?reces|in\s+het\s+(?:voorjaar|najaar)"
        # an intention, a moment that has not come, or a coming event of the Kamer's calendar
        r"|voornemens|van\s+plan|zodra|na\s+afronding|op\s+korte\s+termijn|te\s+zijner\s+tijd"
        r"|(?:voor|tegen)\s+het\s+einde\s+van\s+(?:het|dit)\s+jaar|eind\s+dit\s+jaar|later\s+dit\s+jaar"
        r"|v[oó][oó]r\s+(?:de|het)\s+(?:[\w-]+\s+)?(?:begrotingsbehandeling|behandeling|debat|commissiedebat|notaoverleg"
        r"|wetgevingsoverleg|voorjaarsnota|miljoenennota|prinsjesdag))\b",
        re.I,
    )
)
# the times still to come of _FUTURE, without its verbs: what starts, is delivered or decided must say when
_SOON = lowered_pattern(
    re.compile(
        r"\b(?:binnenkort|dit\s+jaar|volgend\s+jaar|komend\s+jaar|het\s+komende\s+jaar|de\s+komende\s+(?:jaren|maanden|weken)"
        r"|(?:voor|na)\s+de\s+zomer|(?:voor|na)\s+het\s+(?:zomer|kerst|herfst|voorjaars)?reces|in\s+het\s+(?:voorjaar|najaar)"
        r"|op\s+korte\s+termijn|te\s+zijner\s+tijd|later\s+dit\s+jaar|eind\s+dit\s+jaar|naar\s+verwachting|volgende\s+(?:week|maand))\b",
        re.I,
    )
)
_FIGURE = re.compile(
    r"\b(?:halveren|halvering|verdubbel\w*|verdrievoudig\w*)\b|\d+(?:,\d+)?\s?(?:%|procent)|\d{1,3}(?:\.\d{3})+|\b(?:19|20)\d{2}\b|\d+(?:,\d+)?\s?(?:miljoen|miljard|mln|mld|mrd)\b"
)
_STREVEN = lowered_pattern(re.compile(r"\b(?:streef|streeft|streven)\b", re.I))
_NOT_OURS = lowered_pattern(re.compile(r"\b(?:niet|nog\s+niet|andere|bondgenoten\s+hebben)\b[^.]{0,40}gecommitteerd", re.I))
_YEAR = re.compile(r"\b(20\d{2})\b")
# what would happen, or happened: no undertaking
_HYPOTHETICAL = lowered_pattern(re.compile(r"\b(?:zou|zouden|mocht|mochten|indien|eventueel|wellicht)\b", re.I))
_PAST = lowered_pattern(re.compile(
    r"\b(?:werd|werden|was|waren|bedroeg|bedroegen|vorig\s+jaar|vorige\s+\w+|destijds|in\s+het\s+verleden"
    r"|uitgegeven|besteed)\b", re.I))  # fmt: skip
# what this very letter does: "Hierbij bied ik u ... aan", "Hierbij ontvangt u de antwoorden", "Met
# deze brief informeer ik uw Kamer"
_PERFORMATIVE = lowered_pattern(
    re.compile(
        r"\b(?:hierbij|bij\s+deze|hiermee)\s+(?:\w+\s+){0,3}?(?:bied|stuur|zend|informeer|ontvangt|treft|doe)"
        r"|\b(?:met|in)\s+deze\s+brief\b", re.I
    )
)
# the Kamer's request reported, not the government's answer to it ("De Kamer heeft gevraagd om voor de
# zomer een brief te sturen"; but "Zoals de Kamer heeft gevraagd, stuur ik ..." is the promise)
_KAMER_ASKS = lowered_pattern(
    re.compile(
        r"(?<!zoals )(?<!zoals door )\b(?:de|uw)\s+(?:kamer|commissie|leden|fractie|[\w-]+-fractie)\b[^,;]{0,60}?"
        r"\b(?:heeft|hebben|had|hadden)\b[^,;]{0,40}?\b(?:gevraagd|verzocht)\b"
        r"|\b(?:kamer|commissie|leden|lid|fractie)\s+(?:vraagt|vragen|verzoekt|verzoeken)\b",
        re.I,
    )
)
# a refusal or what cannot be done: "Ik zal de Kamer niet informeren over ...", "Ik verwacht u niet te
# kunnen informeren", "Het is niet mogelijk u voor de zomer te informeren" (but "niet later dan in
# mei" is a promise)
_REFUSED = lowered_pattern(
    re.compile(
        r"\b(?:zal|zullen|kan|kunnen|wil|willen)\s+(?:[\w-]+\s+){0,3}?niet\b(?!\s+(?:eerder|later|voor|na)\b)"
        r"|\bniet\s+te\s+(?:kunnen\s+)?\w+en\b|\bniet\s+(?:mogelijk|in\s+staat)\b",  # not "niet te laat"
        re.I,
    )
)
# an expectation of before, told again ("Vorig jaar verwachtte ik u in het voorjaar te kunnen
# informeren"): what was expected then, not an undertaking now (but "Zoals ik beloofde, zal ik ..." is one)
_EARLIER_INTENT = lowered_pattern(re.compile(r"\b(?:verwachtte|verwachtten|hoopte|hoopten)\b", re.I))
# a body outside the government as the subject: its report or its act is not the government's
# undertaking ("Het rapport van de Algemene Rekenkamer verschijnt in mei", "De NAVO zal ... publiceren")
_OUTSIDE = lowered_pattern(re.compile(
    r"^(?:(?:het|de|een)\s+(?:[\w-]+\s+){0,2}?(?:van|door)\s+(?:de|het)\s+|de\s+|het\s+)?"
    r"(?:algemene\s+rekenkamer|rekenkamer|raad\s+van\s+state|navo|europese\s+commissie|europese\s+unie|eu|cpb"
    r"|centraal\s+planbureau|adviesraad\s+internationale\s+vraagstukken|aiv|nationale\s+ombudsman|ombudsman"
    r"|onderzoeksraad\s+voor\s+veiligheid|onderzoeksraad|inspectie\s+[\w-]+|tno|verenigde\s+naties|vn)(?![\w-])",
    re.I))  # fmt: skip
_NEGATED_RECEIVER = lowered_pattern(re.compile(r"\b(?:ontvangt|krijgt)\b[^,;]{0,30}\b(?:geen|niet)\b", re.I))


def _still_to_come(date: Mention, doc_date: str) -> bool:
    """Does the date or period end on or after the document's date (compared at its precision)?"""
    end = date.fields.get("until") or date.value
    return bool(end) and end >= doc_date[: len(end)]


def _is_future(low: str, s: int, e: int, doc: Document, dates: MentionsByStart, words: re.Pattern[str] = _FUTURE) -> bool:
    """Does the (lower-cased) sentence speak of something still to come (a future date, a future
    tense, a recurring report: `words`)?"""
    if words.search(low):
        return True
    if doc.date is None:
        return False
    within = dates.within(s, e)
    if any(_still_to_come(d, doc.date) for d in within):
        return True
    # a bare year of this year or later; the year of a date already judged above does not count
    # ("op 12 januari 2026" in a letter of May 2026 is past)
    this_year = int(doc.date[:4])
    return any(
        int(y.group(1)) >= this_year and not any(d.start <= y.start() < d.end for d in within)
        for y in _YEAR.finditer(doc.text, s, e)
    )


_NAMED_YEAR = re.compile(r"[A-Z][\w-]*\s+20\d{2}\b")  # "Vreemdelingenbesluit 2000": a name's year, not a time


def _only_past_years(sentence: str, doc: Document) -> bool:
    """Does the sentence speak of years before the document's only (a year in a name left out)?"""
    years = [int(y) for y in _YEAR.findall(_NAMED_YEAR.sub("", sentence))]
    return bool(years) and doc.date is not None and all(y < int(doc.date[:4]) for y in years)


def _accept(type_: str, low: str, s: int, e: int, doc: Document, dates: MentionsByStart) -> bool:
    """Is the (lower-cased) sentence a commitment of this type, all things considered?"""
    if _PAST_OR_CURRENT.search(low) or _PERFORMATIVE.search(low) or _OUTSIDE.match(low):
        return False  # "tot op heden", "reeds": what is done already; "hierbij": done by this very letter
    if type_.startswith("toezegging") and (_KAMER_ASKS.search(low) or _REFUSED.search(low) or _EARLIER_INTENT.search(low)):
        return False
    if type_ == "toezegging":
        return _is_future(low, s, e, doc, dates)
    if type_ == "toezegging now":
        return not _NEGATED_RECEIVER.search(low) and not _HYPOTHETICAL.search(low)
    if type_ == "toezegging offer":
        return True  # an offer is conditional by nature ("indien uw Kamer dat wenst")
    if type_ == "plan soon":  # a time still to come, not a verb of the future ("gaat ten koste van")
        return _accept("plan", low, s, e, doc, dates) and _is_future(low, s, e, doc, dates, _SOON)
    if type_ in ("budget", "examination", "plan"):
        # an amount spent or decided last year, a hypothetical, is no undertaking
        return not (_HYPOTHETICAL.search(low) or _PAST.search(low) or _only_past_years(doc.text[s:e], doc))
    if type_ == "target":
        if _NOT_OURS.search(low) or _only_past_years(doc.text[s:e], doc):
            return False
        # "streeft naar kwaliteit": an intention without a measure is no target
        return not (_STREVEN.search(low) and not _FIGURE.search(low))
    return True


_ABBREVIATIONS = {"ca", "nr", "nrs", "blz", "bijv", "jl", "mln", "mld", "mrd", "resp", "incl", "excl", "art", "o.a", "e.d",
                  "d.d", "m.b.t", "i.p.v"}  # fmt: skip


def _abbreviation_before(text: str, dot: int) -> bool:
    """Is the full stop at `dot` the end of an abbreviation ("ca.", "o.a.")?"""
    lo = max(0, dot - 8)
    word_start = max(text.rfind(" ", lo, dot), text.rfind("(", lo, dot), text.rfind("\n", lo, dot), lo - 1) + 1
    return text[word_start:dot].lower() in _ABBREVIATIONS


_BOUNDARY = re.compile(r"[.?!](?=\s)|\n")
_ENDS = ".?!\n"


def _is_boundary(text: str, p: int) -> bool:
    """Does a sentence end at text[p] (a line break, or a full stop, question or exclamation mark
    before white space; the full stop of "ca." or "o.a." ends none)?"""
    c = text[p]
    if c == "\n":
        return True
    return text[p + 1].isspace() and not (c == "." and _abbreviation_before(text, p))


def _previous_end(text: str, lo: int, offset: int) -> int:
    """Just after the last sentence end in text[lo:offset], or lo when there is none."""
    p = offset
    while True:
        p = max(text.rfind(c, lo, p) for c in _ENDS)
        if p < 0:
            return lo
        if _is_boundary(text, p):
            return p + 1


def _next_end(text: str, offset: int, hi: int) -> int | None:
    """Just after the first sentence end in text[offset:hi] (its white space inside), or None."""
    for m in _BOUNDARY.finditer(text, offset, hi):
        stop = m.end()
        if text[stop - 1] != "." or not _abbreviation_before(text, stop - 1):
            return stop
    return None


_LIST_MARKS = ("- ", "– ", "• ", "* ", "· ")


def _sentence_at(text: str, start: int, end: int, offset: int) -> tuple[int, int] | None:
    """The sentence of text[start:end] that holds offset (a letter), without its leading white
    space; None when it is too short to promise anything."""
    pos = _previous_end(text, start, offset)
    stop = _next_end(text, offset, end)
    last = stop is None
    if last:  # the last sentence of the stretch is measured before its white space goes
        if end - pos <= 15:
            return None
        stop = end
    s = pos
    while s < stop and text[s].isspace():
        s += 1
    if text[s : s + 2] in _LIST_MARKS:  # an item of a list: the sentence begins after its mark
        s += 2
        while s < stop and text[s].isspace():
            s += 1
    if not last and stop - s <= 15:
        return None
    return s, stop


def _government_spans(doc: Document) -> Iterator[tuple[int, int]]:
    """The stretches of text in the government's own voice: answers, the covering letter, and the
    turns of a minister or state secretary in a debate (never a member's or the chair's)."""
    for q in doc.questions:
        if q.answer is not None:
            yield q.answer.start, q.answer.end
    for part in doc.parts:
        if part.kind == "letter" and doc.kind in GOVERNMENT_KINDS:
            yield from _between_questions(doc, part.span.start, part.span.end)
        elif part.kind == "turn" and part.role in GOVERNMENT_FUNCTIONS:
            yield part.span.start + len(part.title) + 1, part.span.end  # after the speaker's label


def _between_questions(doc: Document, start: int, end: int) -> Iterator[tuple[int, int]]:
    """[start, end) without the questions in it: a letter that repeats the questions it answers
    speaks in its own voice around them, never in theirs ("Bent u bereid … te informeren?")."""
    for q in doc.questions:
        if start <= q.span.start < end:
            if q.span.start > start:
                yield start, q.span.start
            start = max(start, q.span.end)
    if start < end:
        yield start, end


def _rules_of_cues() -> dict[str, tuple[int, ...]]:
    """Every word some rule needs (as written, capitalised and in capitals), with the rules that
    need it."""
    rules_of: dict[str, list[int]] = {}
    for i, (_, words, _) in enumerate(_RULES):
        for w in words:
            rules_of.setdefault(w, []).append(i)
    return {form: tuple(rules_of[w]) for form, w in literals.cased(rules_of).items()}


literals.register("commitment cues", _rules_of_cues())


def commitment_mentions(doc: Document) -> list[Mention]:
    text = doc.text
    dates = MentionsByStart(periods_of(doc))
    where = locator(doc)
    out = []
    seen: set[tuple[int, int]] = set()
    hits = literals.hits(text, "commitment cues")
    starts = [h[0] for h in hits]
    for a, b in _government_spans(doc):
        # only the sentences with a cue word are read: most sentences of an answer have none
        for k in range(bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)):
            sentence_span = _sentence_at(text, a, b, starts[k])
            if sentence_span is None or sentence_span in seen:
                continue
            seen.add(sentence_span)
            s, e = sentence_span
            inside = hits[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, e)]
            low = text[s:e].lower()
            candidates = _types(low, {r for _, end, rules in inside if end <= e for r in rules})
            type_ = next((t for t in candidates if _accept(t, low, s, e, doc, dates)), None)
            if type_ is None:
                continue
            end = e - 1 if text[e - 1] in ".?!" else e
            out.append(_mention(doc, s, end, type_.split()[0], dates, where))
    return out


def _due_until(phrase) -> str | None:
    """The end of the due interval; "binnenkort" has none."""
    if phrase is None:
        return None
    if phrase.fields.get("until"):
        return phrase.fields["until"]
    if phrase.fields.get("relative") and phrase.fields.get("period_kind") == "relative" and len(phrase.value or "") >= 10:
        return None  # from the document's day on, with no end: "binnenkort", "op korte termijn"
    return phrase.value


def _mention(doc: Document, s: int, e: int, type_: str, dates: MentionsByStart, where: Locator) -> Mention:
    text = doc.text
    sentence = text[s:e]
    vehicle = _VEHICLES.search(sentence)
    # the due moment is the first date still to come ("Eind 2025 ... herhaald en medio 2026 start");
    # a date in a clause after it describes something else ("In Q2 ... de stappen die we in 2026 ...");
    # with only a past date it is an offer or a standing practice
    # (an undated document, as a register's page: the first date of the sentence)
    due_phrase = next((d for d in dates.within(s, e) if not doc.date or _still_to_come(d, doc.date)), None)
    tz = _TZ.search(sentence)
    if tz is None and doc.kind == "toezeggingen Eerste Kamer":  # the number of the entry the sentence is in
        tz = next(reversed(list(_T_NUMBER.finditer(text, max(0, s - 600), s))), None)
    fields = {
        "type": type_,
        "actor": "regering",
        "vehicle": vehicle.group(0) if vehicle else None,
        "due": due_phrase.text if due_phrase else None,
        "due_from": due_phrase.value if due_phrase else None,
        "due_until": _due_until(due_phrase),
        "toezegging": tz.group(tz.lastindex or 0) if tz else None,
        "where": where.where(s),
        **_who(doc, s, sentence, where),
    }
    value = vehicle.group(0) if vehicle else type_
    return Mention(doc.name, "commitment", s, e, sentence, value, LABEL, fields)


# "Ik zeg mevrouw Koster toe", "Ik wil de heer Wörsdörfer toezeggen": the member it is made to
# the member a promise is made to: "de heer Kramers", "mevrouw De Wit", "(een vraag van) het lid Van Dijk (SP)"
_TO_MEMBER = re.compile(rf"\b(?:de\s+heer|mevrouw|het\s+lid)\s+(?P<name>{SURNAME_PATTERN})(?:\s+\((?P<fractie>[^()]{{2,30}})\))?")


_SUBJECT_FUNCTION = re.compile(
    r"(?:De|de)\s+((?:minister-president|minister|staatssecretaris)(?:\s+van\s+[A-Z][\w-]+(?:\s+en\s+[A-Z][\w-]+)*)?)\s+(?:zegt|zal|heeft)\b")


def _in_government(role: str | None) -> bool:
    """Whether a signatory's role ("minister van Defensie", "staatssecretaris") is the government's."""
    return bool(role) and role.lower().removeprefix("de ").split(" ", 1)[0] in GOVERNMENT_FUNCTIONS


def _who(doc: Document, s: int, sentence: str, where: Locator) -> dict[str, str | None]:
    """Who promises (`speaker` and `function`: the minister in whose turn or under whose signature
    it stands) and to whom (`to_fractie`: the fractie whose question it answers; `to_person`: the
    member the sentence names)."""
    speaker = function = to_fractie = None
    part = where.part(s)
    if part is not None and part.kind == "turn":
        speaker, function = part.speaker, part.role
    else:
        signed = next((g for g in doc.signatories if _in_government(g.role)), None)
        if signed is not None:
            speaker, function = signed.name, signed.role
    if function is None:  # a register's "De minister van Defensie zegt toe ...": the subject's function
        subject = _SUBJECT_FUNCTION.match(sentence)
        function = " ".join(subject.group(1).split()) if subject else None
    found = where.find(s)
    if found is not None and found[1]:
        to_fractie = found[0].asked_by
    member = _TO_MEMBER.search(sentence)
    if member is not None and to_fractie is None:
        # the fractie printed beside the member's name, else in the label of the member's own turn
        printed = member["fractie"] or next(
            (t.fractie for t in doc.parts if t.kind == "turn" and t.speaker == member["name"] and t.fractie), None
        )
        if printed:
            from extractors.fracties import canonical_fractie

            to_fractie = canonical_fractie(printed)
    return {"speaker": speaker, "function": function, "to_fractie": to_fractie, "to_person": member["name"] if member else None}


EXTRACTOR = Extractor(NAME, VERSION, ("commitment",), commitment_mentions)
