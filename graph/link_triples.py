"""The cross-document triples: claims with the mentions that state them and their links, and
commitments with what became of them. Made from the rows of the per-document step."""

from __future__ import annotations

from itertools import chain

from graph.terms import DKG, RDFS_, SCHEMA, SKOS_, XSD, A, iri, string, typed, value

_RELATION = {"restates": DKG.restates, "updates": DKG.updates, "conflicts": DKG.conflictsWith}


def claim_triples(claims) -> set[tuple[str, str, str]]:
    """Claims with their subject, value, unit and time scope, the mentions that state them (their
    speaker, place and sentence are on the mention nodes) and their links to other claims."""
    out: set[tuple[str, str, str]] = set()
    add = out.add
    for c in claims:
        node = iri(c.id)
        add((node, A, DKG.Claim))
        add((node, A, SCHEMA.Claim))
        add((node, DKG.subjectId, string(c.subject_id)))
        add((node, RDFS_.label, string(c.subject)))
        add((node, DKG.claimKind, string(c.kind)))
        add((node, DKG.value, value(c.value)))
        if c.unit:
            add((node, DKG.unit, string(c.unit)))
        if c.period:
            add((node, DKG.period, string(c.period)))
        for m in c.mentions:
            add((node, DKG.supportedBy, iri(m.iri)))
        for other, relation in c.related:
            add((node, _RELATION[relation], iri(other)))
    return out


def commitment_triples(commitments, as_of: str | None) -> set[tuple[str, str, str]]:
    """Commitments with type, vehicle, due interval, the mentions that make them, what became of them
    (moved to, chased by, fulfilled by) and their status as of the newest document of the build."""
    out: set[tuple[str, str, str]] = set()
    add = out.add
    for c in commitments:
        node = iri(c.id)
        add((node, A, DKG.Commitment))
        add((node, DKG.commitmentType, string(c.type)))
        add((node, RDFS_.label, string(c.vehicle or c.mentions[0].text[:120])))
        for pred, text in (
            (DKG.vehicle, c.vehicle), (DKG.dueText, c.due), (DKG.dueFrom, c.due_from), (DKG.dueUntil, c.due_until),
            (DKG.registeredAs, c.toezegging),
        ):  # fmt: skip
            if text:
                add((node, pred, string(text)))
        for m in c.mentions:
            add((node, DKG.supportedBy, iri(m.iri)))
        _who(add, node, c.mentions[0].who)
        for other in c.moved_to:
            add((node, DKG.movedTo, iri(other)))
        for question, _ in c.chased_by:
            add((node, DKG.chasedBy, iri(question)))
        for document in c.fulfilled_by:
            add((node, DKG.fulfilledBy, iri(document)))
        if as_of:
            add((node, DKG.status, string(c.status(as_of))))
            add((node, DKG.statusAsOf, typed(as_of, XSD + "date")))
    return out


def cross_document(parts) -> tuple[list, list, set[tuple[str, str, str]]]:
    """(claims, commitments, their triples and the motion links) from the parts' rows: the one
    cross-document step of `dkg build` and of a graph made in memory."""
    from graph.claims import claims_from_rows
    from graph.commitments import link_commitments
    from graph.motions import motion_triples

    claims = claims_from_rows(chain.from_iterable(p.claims for p in parts))
    commitments = link_commitments(p.commitments for p in parts)
    newest = max((p.date for p in parts if p.date), default=None)
    motions = motion_triples(p.motions for p in parts if p.motions)
    links = claim_triples(claims) | commitment_triples(commitments, newest) | motions | person_triples(parts)
    return claims, commitments, links


def _who(add, node: str, who: tuple) -> None:
    """Who made the promise as it was first said (the speaker or signatory, with the function),
    and to whom (the member and fractie whose question or remark it answers)."""
    from graph.iri import fractie_iri, person_iri

    speaker, function, to_fractie, to_person = (tuple(who) + (None,) * 4)[:4]
    if speaker:
        add((node, DKG.promisedBy, iri(str(person_iri(speaker)))))
    if function:
        add((node, DKG.function, string(function)))
    if to_person:
        add((node, DKG.promisedTo, iri(str(person_iri(to_person)))))
    if to_fractie:
        add((node, DKG.promisedToFractie, iri(str(fractie_iri(to_fractie)))))


def person_triples(parts) -> set[tuple[str, str, str]]:
    """A person named by surname alone in one document and in full in another is one person:
    the two nodes are joined by skos:exactMatch (when the corpus has one full name for it)."""
    from extractors.persons import full_names, surname_of
    from graph.iri import person_iri

    names = sorted(set(chain.from_iterable(p.persons for p in parts)))
    known = full_names(names)
    out = set()
    for name in names:
        full = known.get(name.casefold()) if surname_of(name) is None else None
        if full and full != name:
            out.add((iri(str(person_iri(name))), SKOS_.exactMatch, iri(str(person_iri(full)))))
    return out
