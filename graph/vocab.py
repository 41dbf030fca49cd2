"""The dkg vocabulary as a closed namespace: a misspelt term is an AttributeError, not a new IRI.

The terms are defined (with labels, comments and domains) in ontology/dkg.ttl.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ID = Namespace("https://w3id.org/dkg/id/")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")


class DKG(DefinedNamespace):
    _NS = Namespace("https://w3id.org/dkg/def#")
    _fail = True

    # classes
    Document: URIRef
    Part: URIRef
    Fractie: URIRef
    Signature: URIRef
    Footnote: URIRef
    Table: URIRef
    TableCell: URIRef
    Span: URIRef
    page: URIRef
    # document metadata
    documentKind: URIRef
    chamber: URIRef
    dossier: URIRef
    ownReference: URIRef
    fileName: URIRef
    textLength: URIRef
    contentHash: URIRef
    # structure
    partKind: URIRef
    hasPart: URIRef
    inPart: URIRef
    inDocument: URIRef
    series: URIRef
    number: URIRef
    askedBy: URIRef
    answered: URIRef
    answeredByReferenceOnly: URIRef
    answeredByReferenceTo: URIRef
    answeredByReferenceToNumber: URIRef
    QuestionTally: URIRef
    questionsAsked: URIRef
    questionsAnswered: URIRef
    questionsAnsweredByReference: URIRef
    refersToAnswer: URIRef
    refersToQuestion: URIRef
    signature: URIRef
    signatory: URIRef
    role: URIRef
    footnoteLabel: URIRef
    anchor: URIRef
    row: URIRef
    column: URIRef
    cell: URIRef
    span: URIRef
    Mention: URIRef
    Entity: URIRef
    Extractor: URIRef
    mentionKind: URIRef
    value: URIRef
    valueText: URIRef
    minValue: URIRef
    maxValue: URIRef
    until: URIRef
    currency: URIRef
    qualifier: URIRef
    per: URIRef
    unit: URIRef
    base: URIRef
    referenceType: URIRef
    refersTo: URIRef
    inQuestion: URIRef
    inAnswer: URIRef
    mentions: URIRef
    category: URIRef
    impliedCurrency: URIRef
    flag: URIRef
    Claim: URIRef
    subjectId: URIRef
    claimKind: URIRef
    period: URIRef
    supportedBy: URIRef
    restates: URIRef
    updates: URIRef
    conflictsWith: URIRef
    speaker: URIRef
    where: URIRef
    context: URIRef
    sentenceNames: URIRef
    Commitment: URIRef
    commitmentType: URIRef
    vehicle: URIRef
    dueFrom: URIRef
    dueUntil: URIRef
    dueText: URIRef
    movedTo: URIRef
    chasedBy: URIRef
    fulfilledBy: URIRef
    status: URIRef
    statusAsOf: URIRef
    registeredAs: URIRef
    promisedBy: URIRef
    promisedTo: URIRef
    promisedToFractie: URIRef
    function: URIRef
    # motions
    Request: URIRef
    requestedOf: URIRef
    submittedBy: URIRef
    refersToMotion: URIRef
