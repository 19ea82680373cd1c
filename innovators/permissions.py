"""Permissions that decide what an admin user sees of innovators."""

# Who sees an innovator's contact e-mail in the admin (edit form, join request, history,
# export): those who may publish join requests, the group Moderazione (docs/security.md), as the
# join notice does.
CONTACT_PERMISSION = "innovators.publish_innovator"
