package com.signward.idserver.jakarta.internal;

import com.signward.idserver.internal.metrics.SignwardMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@link SignwardMetrics} over MicroProfile Metrics (the application registry): each name is a counter, each label
 * a tag. Added by {@link SignwardExtension} only when the runtime has the Metrics API and installed at start-up;
 * nothing else refers to this class, so it is never loaded without the API.
 */
@ApplicationScoped
public class MicroProfileMetrics implements SignwardMetrics {

    @Inject
    MetricRegistry registry;

    @Override
    public void increment(String name, String... labels) {
        Tag[] tags = new Tag[labels.length / 2];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = new Tag(labels[2 * i], labels[2 * i + 1]);
        }
        registry.counter(name, tags).inc();
    }
}
