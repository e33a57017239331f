"""Course packages: a course as readable files (YAML and Markdown) in a folder or a ZIP.

``format`` reads and writes the files (pure), ``bodies`` turns lesson bodies into text and
back, ``archive`` reads a ZIP or folder safely, ``services`` exports, previews and imports.
The format is described for mentors in docs/course-packages.md.
"""
