"""The cross-document triples: claims with the mentions that state them and their links, and
commitments with what became of them. Made from the rows of the per-document step."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from graph.terms import DKG, RDFS_, SCHEMA, SKOS_, XSD, A, iri, line, string, typed, value

_RELATION = {"restates": DKG.restates, "updates": DKG.updates, "conflicts": DKG.conflictsWith}


def claim_lines(claims) -> Iterator[str]:
    """Claims with their subject, value, unit and time scope, the mentions that state them (their
    speaker, place and sentence are on the mention nodes) and their links to other claims: each
    claim's N-Triples lines, sorted, claim by claim."""
    for c in claims:
        said = [(A, DKG.Claim), (A, SCHEMA.Claim), (DKG.subjectId, string(c.subject_id)),
                (RDFS_.label, string(c.subject)), (DKG.claimKind, string(c.kind)), (DKG.value, value(c.value))]  # fmt: skip
        if c.unit:
            said.append((DKG.unit, string(c.unit)))
        if c.period:
            said.append((DKG.period, string(c.period)))
        said.extend((DKG.supportedBy, iri(m.iri)) for m in c.mentions)
        said.extend((_RELATION[relation], iri(other)) for other, relation in c.related)
        yield from _subject_lines(iri(c.id), said)


def commitment_lines(commitments, as_of: str | None) -> Iterator[str]:
    """Commitments with type, vehicle, due interval, the mentions that make them, what became of them
    (moved to, chased by, fulfilled by) and their status as of the newest document of the build:
    each commitment's N-Triples lines, sorted, commitment by commitment."""
    for c in commitments:
        said = [(A, DKG.Commitment), (DKG.commitmentType, string(c.type)),
                (RDFS_.label, string(c.vehicle or c.mentions[0].text[:120]))]  # fmt: skip
        for pred, text in (
            (DKG.vehicle, c.vehicle), (DKG.dueText, c.due), (DKG.dueFrom, c.due_from), (DKG.dueUntil, c.due_until),
            (DKG.registeredAs, c.toezegging),
        ):  # fmt: skip
            if text:
                said.append((pred, string(text)))
        said.extend((DKG.supportedBy, iri(m.iri)) for m in c.mentions)
        _who(said.append, c.mentions[0].who)
        said.extend((DKG.movedTo, iri(other)) for other in c.moved_to)
        said.extend((DKG.chasedBy, iri(question)) for question, _ in c.chased_by)
        said.extend((DKG.fulfilledBy, iri(document)) for document in c.fulfilled_by)
        if as_of:
            said.append((DKG.status, string(c.status(as_of))))
            said.append((DKG.statusAsOf, typed(as_of, XSD + "date")))
        yield from _subject_lines(iri(c.id), said)


def _subject_lines(node: str, said: list[tuple[str, str]]) -> list[str]:
    return sorted({f"{node} {p} {o} ." for p, o in said})


def cross_document(parts) -> tuple[list, list, list[str]]:
    """(claims, commitments, the sorted N-Triples lines of their triples and of the motion and
    person links) from the parts' rows: the one cross-document step of `dkg build` and of a graph
    made in memory."""
    from graph.claims import claims_from_rows
    from graph.commitments import link_commitments
    from graph.motions import motion_triples

    claims = claims_from_rows(chain.from_iterable(p.claims for p in parts))
    commitments = link_commitments(p.commitments for p in parts)
    newest = max((p.date for p in parts if p.date), default=None)
    motions = motion_triples(p.motions for p in parts if p.motions)
    # Made subject by subject, each subject's lines sorted, in the order of the claims' and the
    # commitments' ids: long runs in order already, which one sort of the whole merges in linear time.
    # No line comes twice: a claim or a commitment is one id, its lines a set, and the motion and
    # person links (a set) are about mentions, documents and persons.
    lines = [*claim_lines(claims), *commitment_lines(commitments, newest)]
    lines.extend(line(*t) for t in motions | person_triples(parts))
    lines.sort()
    return claims, commitments, lines


def _who(add, who: tuple) -> None:
    """Who made the promise as it was first said (the speaker or signatory, with the function),
    and to whom (the member and fractie whose question or remark it answers)."""
    from graph.iri import fractie_iri, person_iri

    speaker, function, to_fractie, to_person = (tuple(who) + (None,) * 4)[:4]
    if speaker:
        add((DKG.promisedBy, iri(str(person_iri(speaker)))))
    if function:
        add((DKG.function, string(function)))
    if to_person:
        add((DKG.promisedTo, iri(str(person_iri(to_person)))))
    if to_fractie:
        add((DKG.promisedToFractie, iri(str(fractie_iri(to_fractie)))))


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
