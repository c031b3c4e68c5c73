"""The Bildungsbericht: Markdown chapters with directives → accessible HTML and PDF.

``::: chart indicator=… :::``, ``table``, ``map`` and ``sentence`` embed published values (see
`syntax`); `render.render_report` renders the chapters with one numbering of figures and tables,
`page` assembles HTML documents and `pdf` the PDF. Values come only through the disclosure gate.
"""
