"""
Schemathesis hooks (SCHEMATHESIS_HOOKS): values for the identifier formats the OpenAPI documents name.

An NHS number's check digit and a PNC id's check letter cannot be JSON Schema patterns, so the documents give
their shape as a pattern and name the format (nhs-number, pnc-id); these generate values with the right check
character, as shared/src/link-tokens/nhsNumber.ts and pnc.ts compute it, so schema-valid requests are accepted.
"""
import schemathesis
from hypothesis import strategies as st

DIGITS = "0123456789"


def _nhs_number(first9: str) -> str | None:
    # Weights 10..2 over the first nine digits; 11 - (sum mod 11), 11 meaning 0 and 10 meaning no valid number.
    check = (11 - sum(int(d) * w for d, w in zip(first9, range(10, 1, -1))) % 11) % 11
    return None if check == 10 else first9 + str(check)


schemathesis.openapi.format(
    "nhs-number",
    # Repeated digits (0000000000) pass modulus 11 but are refused as placeholders.
    st.text(DIGITS, min_size=9, max_size=9).map(_nhs_number).filter(lambda n: n is not None and len(set(n)) > 1),
)

# The PNC check alphabet: the two-digit year and seven-digit serial, read as one number, mod 23.
PNC_LETTERS = "ZABCDEFGHJKLMNPQRTUVWXY"


def _pnc_id(parts: tuple[str, str]) -> str:
    year, serial = parts
    return f"{year}/{serial}{PNC_LETTERS[int(year + serial) % 23]}"


schemathesis.openapi.format("pnc-id", st.tuples(st.text(DIGITS, min_size=2, max_size=2), st.text(DIGITS, min_size=7, max_size=7)).map(_pnc_id))
