"""Introductions with double consent (docs/innovators-area.md, «Presentazioni»).

A signed-in innovator asks to be introduced to another one, with a short message; the other
innovator's people get it by e-mail with «Accetto» and «No, grazie» (each a link to a page
whose button POSTs, valid `INTRODUCTIONS_ANSWER_DAYS`). Only «Accetto» sends both sides the
other's name, contact person and e-mail; a refusal or the expiry (`manage.py
expire_introductions`, from cron) sends the asker a kind notice and no contact. Nothing here is
ever public: no page, feed, export or API shows a contact address.

`models` (the request), `tokens` (the answer links), `notices` (the e-mails), `views` (ask,
answer), `area` (the section of the innovators' area), `admin_views` (the moderators' counts
and abuse reports), `privacy` (the purge), `urls`. Its own app label, `introductions`.
"""
