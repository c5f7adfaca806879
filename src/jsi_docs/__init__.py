"""jsi_docs: plenary-meeting news items, modelled once and exported to HTML, PDF and DOCX."""
