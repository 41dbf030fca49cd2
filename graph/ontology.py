"""ontology/dkg.ttl, written from the closed namespace in graph/vocab.py and the labels here.

    python -m graph.ontology     # rewrite ontology/dkg.ttl

A test keeps the file in step with the namespace, so that no term is used without being declared.
"""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

from graph.store import write_atomically
from graph.vocab import DKG

DUTCH = {
    "Document": "document", "Part": "deel", "Fractie": "fractie", "Signature": "ondertekening", "Footnote": "voetnoot",
    "Table": "tabel", "TableCell": "tabelcel", "Span": "tekstfragment", "Mention": "vermelding", "Entity": "entiteit",
    "Extractor": "extractor", "Claim": "bewering", "chamber": "kamer", "dossier": "dossiernummer",
    "askedBy": "gesteld door", "answered": "beantwoord", "answeredByReferenceOnly": "alleen beantwoord met een verwijzing",
    "answeredByReferenceTo": "beantwoord met het antwoord op",
    "answeredByReferenceToNumber": "beantwoord met het antwoord op vraag nummer",
    "refersToAnswer": "verwijst naar antwoord", "refersToQuestion": "verwijst naar vraag", "series": "reeks",
    "number": "nummer", "value": "waarde", "currency": "valuta", "qualifier": "kwalificatie", "unit": "eenheid",
    "until": "tot en met", "refersTo": "verwijst naar", "inQuestion": "in vraag", "inAnswer": "in antwoord",
    "role": "rol", "signatory": "ondertekenaar", "period": "periode", "restates": "herhaalt", "updates": "werkt bij",
    "conflictsWith": "is in strijd met", "speaker": "spreker", "supportedBy": "onderbouwd door", "context": "zin",
    "documentKind": "soort document", "ownReference": "eigen kenmerk", "fileName": "bestandsnaam",
    "textLength": "tekstlengte", "contentHash": "inhoudshash", "partKind": "soort deel", "hasPart": "heeft deel",
    "inPart": "in deel", "inDocument": "in document", "signature": "ondertekening", "footnoteLabel": "voetnootnummer",
    "anchor": "verwijzing in de tekst", "row": "rij", "column": "kolom", "cell": "cel", "span": "tekstfragment",
    "mentionKind": "soort vermelding", "valueText": "waarde als tekst", "minValue": "ondergrens", "maxValue": "bovengrens",
    "per": "per", "base": "grondslag", "referenceType": "soort verwijzing", "mentions": "vermeldt", "category": "categorie",
    "impliedCurrency": "valuta afgeleid", "flag": "signalering", "subjectId": "onderwerp", "claimKind": "soort bewering",
    "where": "plaats in het document", "Commitment": "toezegging of doel", "commitmentType": "soort toezegging",
    "vehicle": "vehikel", "dueFrom": "verwacht vanaf", "dueUntil": "verwacht uiterlijk", "dueText": "termijn zoals gedrukt",
    "movedTo": "verschoven naar", "chasedBy": "nagevraagd in", "fulfilledBy": "nagekomen in", "status": "status",
    "statusAsOf": "status per", "registeredAs": "geregistreerd als", "page": "pagina",
    "promisedBy": "toegezegd door", "promisedTo": "toegezegd aan", "promisedToFractie": "toegezegd aan fractie",
    "function": "functie", "Request": "verzoek", "requestedOf": "verzocht aan", "submittedBy": "ingediend door",
    "refersToMotion": "verwijst naar motie", "QuestionTally": "telling van vragen", "questionsAsked": "aantal vragen",
    "questionsAnswered": "aantal beantwoord", "questionsAnsweredByReference": "aantal alleen met een verwijzing beantwoord",
    "sentenceNames": "noemt in dezelfde zin",
}  # fmt: skip
COMMENTS = {
    "Claim": "A figure or date that a speaker asserts about a subject in a time scope, supported by mentions.",
    "restates": "The claim restates another in rounded or approximate form (circa €19 miljard for € 19,3 miljard).",
    "updates": "The claim, made later by the government, replaces another about the same subject.",
    "conflictsWith": "The claims are about the same subject and time scope but state different values.",
    "span": "The exact text a node comes from: a W3C Web Annotation TextPositionSelector and TextQuoteSelector"
    " (by this property's range: the span states only oa:start, oa:end and oa:exact). The node is dkg:inDocument"
    " the document the offsets count in.",
    "inDocument": "The document a node belongs to; every node with a dkg:span states it.",
    "page": "The 1-based page of the published document (a PDF) the span starts on.",
    "Request": "What the Kamer asks of the government in a motion (verzoekt de regering ...): never a commitment.",
    "promisedBy": "The person who made the commitment as it was first said: the speaker of a turn or the signatory.",
    "promisedTo": "The member whose question or remark the commitment answers, where the text says so.",
    "QuestionTally": "The questions of one document asked by one fractie (or by none named), counted: answered,"
    " answered by reference only; what counting over an archive reads instead of every question.",
    "sentenceNames": "A figure's mention stands in a sentence that also names this programme or organisation.",
    "answeredByReferenceTo": "A question answered only by pointing to other answers (Zie antwoord op vraag 15): the"
    " question pointed to, the same as its answer's dkg:refersToQuestion, one step away for the readers of the archive.",
    "answeredByReferenceToNumber": "A question answered only by pointing to other answers: the printed number of"
    " each question pointed to, also when that question is not in the document (another series, another letter).",
    "refersToMotion": "A mention that names a motion by its submitter (motie-Kramers), linked to the motion document.",
}
# What a property's value is, where it follows from the property alone (RDFS range entailment):
# stated once here instead of as rdf:type triples on each of a build's millions of spans.
RANGES = {"span": "oa:TextPositionSelector, oa:TextQuoteSelector"}
HEADER = """@prefix dkg: <https://w3id.org/dkg/def#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

<https://w3id.org/dkg/def#>
    a owl:Ontology ;
    rdfs:label "dkg vocabulary"@en, "dkg-vocabulaire"@nl ;
    rdfs:comment "{COMMENT}"@en .
""".replace(
    "{COMMENT}",
    "Terms of the dkg knowledge graph of Dutch parliamentary defence-budget documents. Spans use W3C Web "
    "Annotation selectors (oa:), questions and answers schema.org, provenance PROV-O, citations ELI, the gazetteer SKOS.",
)


def vocabulary_turtle() -> str:
    out = [HEADER]
    for term in sorted(DKG.__annotations__, key=lambda t: (not t[0].isupper(), t)):
        words = re.sub(r"([A-Z])", r" \1", term).strip().lower()
        kind = "owl:Class" if term[0].isupper() else "rdf:Property"
        labels = f'rdfs:label "{words}"@en' + (f', "{DUTCH[term]}"@nl' if term in DUTCH else "")
        comment = f' ;\n    rdfs:comment "{COMMENTS[term]}"@en' if term in COMMENTS else ""
        comment += f" ;\n    rdfs:range {RANGES[term]}" if term in RANGES else ""
        out.append(f"dkg:{term}\n    a {kind} ;\n    {labels}{comment} ;\n    rdfs:isDefinedBy <https://w3id.org/dkg/def#> .\n")
    return "\n".join(out)


def turtle_path() -> Path:
    return Path(str(files("ontology").joinpath("dkg.ttl")))


if __name__ == "__main__":
    write_atomically(turtle_path(), vocabulary_turtle())
    print(turtle_path())
