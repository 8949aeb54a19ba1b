"""Statistical components trained on sentences the project writes itself (issue 11).

:mod:`.meeting_data` writes labelled sentences (a meeting held, or one planned, hoped,
denied, refused, cancelled, called for, only mentioned) from the capability generators'
templates and fillers and from its own templates; :mod:`.meeting_train` trains spaCy's
bag-of-words text classifier on them.  ``manage.py train_meeting_classifier`` is the
reproducible command; the model it writes ships in ``ingest/meeting_clf`` and is read
by :mod:`ingest.extract.classifier`.  No evaluation text is ever read.
"""
