"""The innovators' own area (docs/innovators-area.md): sign-in by e-mail link, the area, the
moderated profile edits, the data export and the removal of the profile.

`accounts` (who is an innovator's person, their Django users), `signin` (the link),
`views` (the area), `profile` (the edit form and its review), `data` (export, removal),
`admin` (the people moderators attach), `urls`.
"""
