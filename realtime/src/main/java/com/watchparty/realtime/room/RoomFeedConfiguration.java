package com.watchparty.realtime.room;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The room feed is a per-instance stream, not a shared projection: its token lives in memory and starts at the
 * head, so each instance sees every new event (for its own sockets) and never replays history.
 */
@Configuration(proxyBeanMethods = false)
class RoomFeedConfiguration {

    @Autowired
    void configureRoomFeed(EventProcessingConfigurer processing) {
        processing.registerTrackingEventProcessor(RoomFeed.PROCESSING_GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                .registerTokenStore(RoomFeed.PROCESSING_GROUP, config -> new InMemoryTokenStore())
                // nothing it does is transactional: no database connection is held per batch
                .registerTransactionManager(RoomFeed.PROCESSING_GROUP, config -> NoTransactionManager.INSTANCE);
    }
}
