"""The summary report as files: Excel (``xlsx``) and a Word document in the state format
(``docx``), both from the same ``Report`` as the page."""
