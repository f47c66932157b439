package com.watchparty.api.party;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/**
 * The party's access, set when it is scheduled (unless public) or changed, and a new invitation code when one is
 * rotated.
 *
 * @param invitationCode the code an invite-only party's buyers need; {@code null} for other parties
 */
@Revision("1")
public record PartyAccessChangedEvent(UUID partyId, PartyAccess access, String invitationCode) {
}
