package com.watchparty.api.party;

import java.util.UUID;

/**
 * A party's seats as its admin sees them.
 *
 * @param ticketsSold      tickets held now (sold and not cancelled)
 * @param seatsHeld        seats held for people from the waiting list, who may buy them until their hold expires
 * @param ticketsCancelled tickets cancelled so far
 * @param waiting          people in line without a hold yet
 * @param invitationCode   the code an invite-only party's buyers need, {@code null} for other parties
 */
public record BoxOfficeView(UUID watchPartyId, int maxParticipants, int ticketsSold, int seatsHeld,
                            int ticketsCancelled, int waiting, PartyAccess access, String invitationCode,
                            long version) {
}
