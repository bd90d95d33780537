"""Plain data classes passed between the stages: every stage may import them, and they import
nothing of the generator but each other."""

from build_scripts.model.dates import MONTHS, PartialDate
from build_scripts.model.findings import (
                                         Country,
                                         DateMention,
                                         DocumentFeatures,
                                         PlaceMention,
                                         Quantity,
                                         Quote,
                                         QuotePart,
                                         RoleMention,
)
from build_scripts.model.results import (
                                         CitedQuote,
                                         Claim,
                                         CountryProfile,
                                         Disagreement,
                                         Event,
                                         QuoteGroup,
                                         Report,
                                         Side,
                                         Speaker,
                                         Stance,
                                         Statement,
                                         TopicEvidence,
                                         claim_index,
)
from build_scripts.model.site import (
                                         Analysis,
                                         GeneratedPage,
                                         Inputs,
                                         Project,
                                         SiteContent,
)
from build_scripts.model.source import Block, Document, Sentence, Source, SourceMeta
from build_scripts.model.topic import StanceRule, Topic, TopicOverride, TopicSection

__all__ = ["MONTHS", "Analysis", "Block", "CitedQuote", "Claim", "Country", "CountryProfile", "DateMention",
           "Disagreement", "Document", "DocumentFeatures", "Event", "GeneratedPage", "Inputs", "PartialDate",
           "PlaceMention", "Project", "Quantity", "Quote", "QuoteGroup", "QuotePart", "Report", "RoleMention",
           "Sentence", "Side", "SiteContent", "Source", "SourceMeta", "Speaker", "Stance", "StanceRule",
           "Statement", "Topic", "TopicEvidence", "TopicOverride", "TopicSection", "claim_index"]
