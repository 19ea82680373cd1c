"""Who may delete an image: Wagtail's collection rules, except that an image in use (by any
page, snippet or setting, as Wagtail's reference index knows) needs the `delete_image`
permission itself, which Moderazione holds and Redazione does not. Redazione may still delete
the images it uploaded or that nothing uses."""

from wagtail.models import ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy


def in_use(instance) -> bool:
    return ReferenceIndex.get_references_to(instance).exists()


class InUseImagePermissionPolicy(CollectionOwnershipPermissionPolicy):
    def user_has_any_permission_for_instance(self, user, actions, instance):
        actions = list(actions)
        if (
            "delete" in actions
            and not self._check_perm(user, ["delete"], collection=instance.collection)
            and in_use(instance)
        ):
            actions.remove("delete")
            if not actions:
                return False
        return super().user_has_any_permission_for_instance(user, actions, instance)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)


def register_image_policy() -> None:
    from wagtail.images import get_image_model
    from wagtail.permissions import register_permission_policy

    register_permission_policy(
        get_image_model(),
        InUseImagePermissionPolicy(
            get_image_model(), auth_model="wagtailimages.Image", owner_field_name="uploaded_by_user"
        ),
        exact_class=True,
    )
