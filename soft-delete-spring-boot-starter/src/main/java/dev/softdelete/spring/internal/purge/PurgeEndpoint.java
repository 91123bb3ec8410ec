package dev.softdelete.spring.internal.purge;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The actuator endpoint {@code softdelete}: the scheduled purge's cron and its last run. Exposed as
 * other endpoints are ({@code management.endpoints.web.exposure.include=softdelete}).
 */
@Endpoint(id = "softdelete")
public class PurgeEndpoint {

    private final ScheduledPurge purge;

    public PurgeEndpoint(ScheduledPurge purge) {
        this.purge = purge;
    }

    @ReadOperation
    public Map<String, Object> purge() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cron", purge.cron());
        body.put("lastRun", purge.lastRun());
        return Map.of("purge", body);
    }
}
