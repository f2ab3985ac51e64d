"""Reading report text: a draft incident record proposed from prose, every value tied to the
words it came from. `extract_draft` is the entry point; the modules here each read one kind of
thing (sentences, numbers, dates, speakers, figures, places, claims)."""

from mapping.extraction.draft import Draft, extract_draft

__all__ = ["Draft", "extract_draft"]
