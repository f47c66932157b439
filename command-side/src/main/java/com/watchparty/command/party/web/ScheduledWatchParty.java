package com.watchparty.command.party.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.watchparty.api.party.WatchPartyView;

/** The answer to scheduling a party: the party, and for an invite-only one its invitation code (for the admin). */
record ScheduledWatchParty(@JsonUnwrapped WatchPartyView party,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String invitationCode) {
}
