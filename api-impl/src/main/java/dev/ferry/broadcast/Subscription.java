package dev.ferry.broadcast;

import dev.ferry.engine.SendCallback;

/**
 * One session's subscription to one topic, and the completion of every message the topic queues
 * on it: one object per subscription, however many messages, so delivering allocates nothing here.
 */
final class Subscription implements SendCallback {

    final Subscriber subscriber;
    final TopicMetrics metrics;
    final SlowSubscriberPolicy policy;

    Subscription(Subscriber subscriber, TopicMetrics metrics, SlowSubscriberPolicy policy) {
        this.subscriber = subscriber;
        this.metrics = metrics;
        this.policy = policy;
    }

    @Override
    public void done(Throwable failure) {
        subscriber.written();
        if (failure == null) {
            metrics.delivered();
        } else {
            metrics.dropped();
        }
    }
}
