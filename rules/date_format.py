"""date-format: entry dates are written in one style, and are real dates."""
from __future__ import annotations

from dataclasses import dataclass

from awesome_lint.model import dates
from awesome_lint.model.papers import venue_year
from awesome_lint.rule import UNSAFE, Fix, Rule, option


class DateFormat(Rule):
    name = "date-format"
    summary = "Paper dates are valid and written like [7th Oct., 2022] (or the list's chosen style)"
    tags = ("entries", "dates")
    fixable = True
    families = ("papers",)

    @dataclass
    class Options:
        # "auto" (the style most dates of the list use), "ordinal" ([7th Oct., 2022]),
        # "month-day" ([Oct. 7, 2022]), "iso" ([2022-10-07]), "day-month" (7 Oct 2022)
        style: str = option("auto", choices=("auto", *dates.STYLES))

    def check(self, doc, ctx):
        conv = doc.conventions
        pinned = dates.STYLE_DETAILS.get(self.options.style)
        for entry in doc.entries:
            field = entry.fields.get("date")
            if field is None:
                continue
            parsed = dates.parse(field.text)
            if parsed is None:
                continue
            if parsed.monthly:  # ``2023-05``, ``202305``: a month by design, no day to miss
                yield from self._numeric(conv.numeric_months, field, parsed)
                continue
            if parsed.day is None and parsed.year is not None and parsed.month is not None \
                    and conv.date_precision.value != "day":
                # a list that dates to the month, or is split on it: 'May, 2023' is whole,
                # though 'May., 2023' still has a stray dot
                defects = [p for p in dict.fromkeys(parsed.problems) if p in dates.DEFECTS]
                if defects:
                    yield self.diagnostic(f"date '{field.text}' has a defect: {'; '.join(defects)}",
                                          field.start, field.end)
                continue
            if not parsed.complete or not parsed.valid:
                yield self._incomplete(entry, field, parsed, conv.date_details(field.text) | (pinned or {}))
                continue
            wanted_details = conv.date_details(field.text)
            if pinned:
                wanted_details.update(pinned)
            wanted = dates.render(parsed, wanted_details)
            if wanted_details.get("order") == "iso" and dates.numeric_day_form(field.text):
                # a day in digits: its separator and padding are the list's own choice
                yield from self._numeric(conv.numeric_days, field, parsed, dates.numeric_day_form,
                                         dates.render_numeric_day)
                continue
            if wanted == field.text:
                continue
            why = self._why(conv, field.text, parsed, wanted_details, pinned is not None)
            yield self.diagnostic(
                f"date '{field.text}' should be '{wanted}' ({why})", field.start, field.end,
                Fix.replace(field.start, field.end, wanted, f"write the date as '{wanted}'"),
            )

    def _numeric(self, convention, field, parsed, form_of=dates.numeric_form, render=dates.render_numeric):
        form = form_of(field.text)
        if not convention.established or form is None or form == convention.value:
            return
        wanted = render(parsed, convention.value)
        if wanted == field.text:
            return  # (2023-10-12 is both padded and not)
        yield self.diagnostic(
            f"date '{field.text}' should be '{wanted}' where {convention.standard(repr(convention.value), 'writes')}",
            field.start, field.end, Fix.replace(field.start, field.end, wanted, f"write the date as '{wanted}'"),
        )

    @staticmethod
    def _why(conv, text, parsed, wanted, pinned) -> str:
        """The defects, then each detail that departs from the list's convention, with its evidence."""
        own = dict(dates.written(text))
        reasons = [p for p in dict.fromkeys(parsed.problems) if p in dates.DEFECTS
                   and not (p == "dot after May" and wanted.get("may-dot"))]
        for detail in dates.DETAILS:
            if detail == "may-dot" and not wanted.get("may-dot"):
                continue  # a defect of its own, given above
            if detail in own and own[detail] != wanted.get(detail):
                convention = conv.dates[detail]
                if detail == "month":
                    convention = conv.month_form_of(text) or convention
                words = dates.departure(detail, own[detail], wanted[detail])
                standard = dates.standard_words(detail, wanted[detail])
                if pinned:
                    reasons.append(f"{words} where the rule's 'style' option asks for {standard}")
                else:
                    reasons.append(f"{words} where {convention.standard(standard, 'writes')}")
        if not reasons:
            reasons.append("spacing")
        return "; ".join(reasons)

    def _incomplete(self, entry, field, parsed, details):
        if parsed.complete:
            return self.diagnostic(f"date '{field.text}' does not exist", field.start, field.end)
        if parsed.year is None and parsed.day is not None:
            year = venue_year(entry)
            fix = None
            if year is not None:
                guess = dates.ParsedDate(parsed.day, parsed.month, year)
                if guess.valid:
                    wanted = dates.render(guess, {**dates.STYLE_DETAILS["ordinal"], **details})
                    fix = Fix.replace(field.start, field.end, wanted,
                                      f"take the year from the venue: '{wanted}'", UNSAFE)
            return self.diagnostic(f"date '{field.text}' has no year", field.start, field.end, fix)
        return self.diagnostic(f"date '{field.text}' has no day", field.start, field.end)
