"""deploy/nginx.conf: sticky on the login cookie, websockets passed on, and the form the L2 bench measures."""

from __future__ import annotations

import re
import shutil
import subprocess

from bench.load_servers import NGINX_CONF, bench_nginx_conf

CONF = NGINX_CONF.read_text(encoding="utf-8")


def test_the_proxy_keeps_each_login_on_one_process_and_passes_websockets():
    assert "ip_hash" not in re.sub(r"(?m)#.*$", "", CONF)  # one town hall address would be one process
    assert re.search(r"map \$cookie_wegwijzer_sessie \$wegwijzer_sticky \{", CONF)
    assert "hash $wegwijzer_sticky consistent;" in CONF
    assert len(re.findall(r"(?m)^\s*server 127\.0\.0\.1:\d+;", CONF)) >= 2
    for line in ("proxy_set_header Upgrade $http_upgrade;", "proxy_set_header Connection $connection_upgrade;",
                 "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;", "proxy_read_timeout 86400;"):
        assert line in CONF


def test_the_proxy_passes_the_host_with_its_port_so_the_origin_check_accepts_our_own_pages():
    # $host drops the port; the app then sees Origin http://host:8443 against Host "host" and refuses the
    # websocket (found by the L2 run through nginx on test ports)
    assert "proxy_set_header Host $http_host;" in CONF
    assert "proxy_set_header Host $host;" not in CONF


def test_the_bench_measures_this_file_with_its_own_ports_and_without_tls(tmp_path):
    conf = bench_nginx_conf(CONF, 18080, [18501, 18502, 18503], tmp_path)
    assert "hash $wegwijzer_sticky consistent;" in conf and "$cookie_wegwijzer_sessie" in conf
    assert re.findall(r"server 127\.0\.0\.1:(\d+);", conf) == ["18501", "18502", "18503"]
    assert "listen 127.0.0.1:18080;" in conf and "ssl" not in conf and "443" not in conf
    assert "return 301" not in conf
    if shutil.which("nginx"):  # where nginx is installed, it must accept the result
        (tmp_path / "nginx.conf").write_text(conf)
        check = subprocess.run(["nginx", "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                               capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
