"""Documents in the state format (Nghị định 30/2020/NĐ-CP): ``StateDocument`` builds a Word
file from a ``Header``, numbered headings, paragraphs, tables and a ``Signature``."""

from thidua.common.documents.nd30 import (
    SIGN,
    SIGN_AND_SEAL,
    Header,
    Signature,
    StateDocument,
    roman,
)

__all__ = ["SIGN", "SIGN_AND_SEAL", "Header", "Signature", "StateDocument", "roman"]
