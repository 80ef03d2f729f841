# Varnish in front of the site (docker-compose.yml: readers → varnish:80 → nginx:8081 → web).
#
# - Anonymous pages are kept as long as the app's Cache-Control s-maxage says
#   (EDGE_CACHE_SECONDS), and a change purges exactly its pages by cache tag: the app
#   sends "PURGE /" with "xkey-purge: tag tag…" or "xkey-softpurge: …" (public/purging.py).
# - Stale pages: up to stale-while-revalidate past their time while a fresh copy is
#   fetched, and up to stale-if-error (EDGE_STALE_IF_ERROR, hours) while the app is down,
#   sick (its /healthz failing) or answering 5xx.
# - Staff (the session cookie) and anything private, no-store or setting a cookie are
#   never cached. Readers' other cookies are dropped: the public site reads none.
# - One compressed copy per page: Varnish asks the app for gzip, compresses once what came
#   uncompressed, keeps that, and gunzips for the rare client without gzip (http_gzip_support,
#   on by default): a hit costs no compression.
# - The tag headers (xkey, Cache-Tag, Surrogate-Key) never reach the reader.
# Tests run this file with the backend's host and port replaced (tests/test_edge_varnish.py).
vcl 4.1;

import std;
import xkey;

backend app {
    .host = "nginx";
    .port = "8081";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 30s;
    # The app's readiness probe: 503 when its database fails (newsroom/health.py). The Host
    # must be one of ALLOWED_HOSTS (.env.example lists localhost).
    .probe = {
        .request = "GET /healthz HTTP/1.1"
                   "Host: localhost"
                   "User-Agent: varnish-probe"
                   "Connection: close";
        .timeout = 2s;
        .interval = 2s;
        .window = 3;
        .threshold = 2;
        .initial = 2;
    }
}

# Who may purge: this host and the app servers (the compose network's private addresses;
# narrow it to the app servers' own addresses elsewhere).
acl purgers {
    "127.0.0.1";
    "::1";
    "10.0.0.0"/8;
    "172.16.0.0"/12;
    "192.168.0.0"/16;
}

sub vcl_recv {
    if (req.restarts == 0) {
        # Our own markers between restarts; never a client's.
        unset req.http.X-Edge-Refresh;
        unset req.http.X-Edge-Stale-Ok;
        unset req.http.X-Edge-Pass;
    }

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-purge) {
            set req.http.X-Edge-Purged = xkey.purge(req.http.xkey-purge);
        } elsif (req.http.xkey-softpurge) {
            set req.http.X-Edge-Purged = xkey.softpurge(req.http.xkey-softpurge);
        } else {
            return (synth(400, "xkey-purge or xkey-softpurge expected"));
        }
        return (synth(200, "Purged " + req.http.X-Edge-Purged));
    }

    # Staff: every page made for them, nothing kept.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=" || req.http.Authorization) {
        set req.http.X-Edge-Pass = "1";
        return (pass);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Readers: the pages are the same for all (language by address, no reader cookie).
    unset req.http.Cookie;

    if (req.http.X-Edge-Stale-Ok) {
        # The refresh failed: the stale copy, however old its grace allows.
        set req.hash_always_miss = false;
        return (hash);
    }
    if (req.http.X-Edge-Refresh) {
        # Past its time and past stale-while-revalidate with the app healthy: fetch now.
        set req.hash_always_miss = true;
    }
    return (hash);
}

sub vcl_hit {
    # A stale copy (expired, or soft-purged by a change): within stale-while-revalidate it
    # is served while a fresh one is fetched; past it, with the app healthy, the reader
    # waits for the fresh page; with the app sick, the stale one is served (its grace is
    # stale-if-error).
    if (obj.ttl <= 0s && !req.http.X-Edge-Stale-Ok && std.healthy(req.backend_hint)
        && obj.ttl + std.duration(obj.http.X-Edge-Swr + "s", 0s) <= 0s) {
        set req.http.X-Edge-Refresh = "1";
        return (restart);
    }
    return (deliver);
}

sub vcl_backend_response {
    if (bereq.http.X-Edge-Pass || beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        # Remember for a while that this address is not cacheable (hit-for-miss).
        set beresp.uncacheable = true;
        set beresp.ttl = 60s;
        return (deliver);
    }
    # The app's 5xx never replaces a page: a background refresh keeps the stale one; a
    # reader waiting for a refresh gets the stale one (vcl_deliver); any other reader gets
    # the app's error page, not kept.
    if (beresp.status >= 500) {
        if (bereq.is_bgfetch) {
            return (abandon);
        }
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    # s-maxage already set beresp.ttl; the stale windows come from the same header.
    set beresp.http.X-Edge-Swr = "0";
    if (beresp.http.Cache-Control ~ "stale-while-revalidate=[0-9]+") {
        set beresp.http.X-Edge-Swr = regsub(beresp.http.Cache-Control,
            ".*stale-while-revalidate=([0-9]+).*", "\1");
    }
    set beresp.grace = std.duration(beresp.http.X-Edge-Swr + "s", 0s);
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(regsub(beresp.http.Cache-Control,
            ".*stale-if-error=([0-9]+).*", "\1") + "s", 0s);
    }
    # Compress once, here; every hit is the stored gzip (or gunzipped for old clients).
    if (!beresp.http.Content-Encoding && beresp.http.Content-Type ~
        "^(text/|application/(json|xml|rss\+xml|atom\+xml|javascript|ld\+json))") {
        set beresp.do_gzip = true;
    }
}

sub vcl_backend_error {
    # The app down or sick: a background refresh leaves the stale copy; a reader waiting
    # for a refresh gets the stale copy instead (vcl_synth restarts with it).
    return (abandon);
}

sub vcl_synth {
    if (resp.status == 503 && req.http.X-Edge-Refresh && !req.http.X-Edge-Stale-Ok
        && req.restarts < 3) {
        set req.http.X-Edge-Stale-Ok = "1";
        return (restart);
    }
}

sub vcl_deliver {
    if (resp.status >= 500 && req.http.X-Edge-Refresh && !req.http.X-Edge-Stale-Ok
        && req.restarts < 3) {
        set req.http.X-Edge-Stale-Ok = "1";
        return (restart);
    }
    if (req.http.X-Edge-Pass || obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0 && obj.ttl > 0s) {
        set resp.http.X-Cache = "HIT";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "STALE";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # The tags are for this proxy (and a CDN in front of it would not need them).
    unset resp.http.xkey;
    unset resp.http.Cache-Tag;
    unset resp.http.Surrogate-Key;
    unset resp.http.X-Accel-Expires;
    unset resp.http.X-Edge-Swr;
    unset resp.http.Via;
}
