package com.watchparty.app.cluster;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /admin/cluster}, for admins: the instances, which route commands, and which segments each holds. */
@RestController
@WithCommandRouting
class ClusterAdminController {

    private final ClusterStatus status;

    ClusterAdminController(ClusterStatus status) {
        this.status = status;
    }

    @GetMapping("/admin/cluster")
    ClusterStatus.Overview cluster() {
        return status.overview();
    }
}
