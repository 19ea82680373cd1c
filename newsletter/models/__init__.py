from .issues import Delivery, DeliveryStatus, Issue, IssueStatus
from .pages import NewsletterPage
from .subscribers import TOPIC_FIELDS, Subscriber, SubscriberStatus, Topic

__all__ = [
    "TOPIC_FIELDS",
    "Delivery",
    "DeliveryStatus",
    "Issue",
    "IssueStatus",
    "NewsletterPage",
    "Subscriber",
    "SubscriberStatus",
    "Topic",
]
