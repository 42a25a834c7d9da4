"""Inventors without a server (issue 18): the disclosure form that goes out as a fillable PDF
or an Excel template and comes back as a case, in one unit of work, with the returned file
kept as an attachment."""
