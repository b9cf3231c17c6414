#!/usr/bin/env python3
"""image/boot-test.py — drive the image's serial console under qemu (run by image/test.sh).

Usage: boot-test.py RUN_DIR QEMU_COMMAND...

RUN_DIR holds console.log (everything the serial port said) and gets timings.txt. The steps
and their PASS/FAIL lines are in main(); exit status 0 when every check passed, 1 otherwise.
Environment: IMAGE_PASSWORD (default kefu), BOOT_LIMIT (seconds for one boot, default 900).
"""
import os
import re
import select
import subprocess
import sys
import time

PASSWORD = os.environ.get("IMAGE_PASSWORD", "kefu")
BOOT_LIMIT = int(os.environ.get("BOOT_LIMIT", "900"))
T0 = time.monotonic()
# Terminal control sequences (bracketed paste, pager modes) in what a shell prints.
ANSI = re.compile(r"\x1b\[[0-9;?=]*[A-Za-z]|\x1b[=>]")


def stamp():
    return f"{time.monotonic() - T0:6.0f} s"


class Failed(Exception):
    pass


class Console:
    """The guest's serial port on qemu's stdin/stdout, logged to console.log."""

    def __init__(self, run_dir, command):
        self.log = open(os.path.join(run_dir, "console.log"), "wb")
        self.command = command
        self.buffer = b""
        self.power_cycles = 0
        self.stopping = False
        self.start()

    def start(self):
        self.proc = subprocess.Popen(self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)

    def power_cycle(self):
        """qemu runs with -no-reboot: a reset the guest asks for ends it (status 0), and the
        test starts it again on the same disk and EFI variables, as a cold start. (OVMF's warm
        reset under TCG spends minutes executing from its flash after variables were written.)"""
        self.proc.wait()
        self.power_cycles += 1
        note(f"the guest reset itself; qemu started again (power cycle {self.power_cycles})")
        self.start()

    def expect(self, pattern, timeout, what):
        """Wait for a regular expression (bytes) in what the port says; returns the match."""
        regex = re.compile(pattern)
        end = time.monotonic() + timeout
        while True:
            m = regex.search(self.buffer)
            if m:
                self.buffer = self.buffer[m.end():]
                return m
            left = end - time.monotonic()
            if left <= 0:
                raise Failed(f"{what}: not seen within {timeout} s (last output: {self.tail()!r})")
            ready, _, _ = select.select([self.proc.stdout], [], [], min(left, 1.0))
            if ready:
                data = os.read(self.proc.stdout.fileno(), 65536)
                if not data:
                    if self.proc.wait() == 0 and not self.stopping:
                        self.power_cycle()
                        continue
                    raise Failed(f"{what}: qemu ended (status {self.proc.wait()}); last output: {self.tail()!r}")
                self.log.write(data)
                self.log.flush()
                self.buffer += data

    def tail(self):
        return self.buffer[-300:].decode("utf-8", "replace")

    def send(self, text):
        self.proc.stdin.write(text.encode())
        self.proc.stdin.flush()

    def login(self, user, timeout):
        self.expect(rb"kefu login: ", timeout, f"the login prompt (for {user})")
        time.sleep(0.5)
        self.send(user + "\n")
        self.expect(rb"Password: ", 60, f"the password prompt for {user}")
        time.sleep(0.3)
        self.send(PASSWORD + "\n")

    def shell(self, command, timeout=120):
        """Runs a command in the root shell; returns (status, output)."""
        self.buffer = b""
        self.send(f"{command}; echo \"@@rc=$?@@\"\n")
        m = self.expect(rb"([\s\S]*?)@@rc=(\d+)@@", timeout, f"'{command}'")
        out = ANSI.sub("", m.group(1).decode("utf-8", "replace")).replace("\r", "")
        # Drop the echoed command line.
        lines = out.split("\n")
        if lines and "@@rc=" in lines[0]:
            lines = lines[1:]
        text = "\n".join(l for l in lines if l.strip() and l.strip() != "#").strip()
        return int(m.group(2)), re.sub(r"^(# )+", "", text)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


failures = 0
timings = []


def check(name, ok, detail=""):
    global failures
    print(f"{'PASS' if ok else 'FAIL'} {name}" + ("" if ok else f": {detail}"), flush=True)
    if not ok:
        failures += 1
    return ok


def note(text):
    print(f"image-test: [{stamp()}] {text}", flush=True)


def root_session(c, timeout):
    c.login("root", timeout)
    c.expect(rb"root@kefu:~# ", 60, "the root shell prompt")
    c.send("export PS1='# ' TERM=dumb SYSTEMD_PAGER= PAGER=cat; bind 'set enable-bracketed-paste off'; stty -echo cols 200\n")
    time.sleep(1)
    c.shell("true")  # what the lines above printed is read and dropped


def wait_ready(c, limit):
    """kefud active (Type=notify: it sent READY=1); returns seconds waited or None."""
    t = time.monotonic()
    while time.monotonic() - t < limit:
        rc, out = c.shell("systemctl is-active kefud")
        if out.endswith("active") and not out.endswith("inactive"):
            return time.monotonic() - t
        time.sleep(3)
    return None


def main():
    run_dir = sys.argv[1]
    c = Console(run_dir, sys.argv[2:])
    try:
        # ---- first boot, slot A
        note("booting the image (OVMF, systemd-boot, slot A)")
        t = time.monotonic()
        m = c.expect(rb"kefu-initramfs: root (kefu-root-[ab])", BOOT_LIMIT, "the initramfs finding the root slot")
        check("the loader starts slot A on a new image", m.group(1) == b"kefu-root-a", m.group(1))
        root_session(c, BOOT_LIMIT)
        timings.append(f"first boot to the root shell: {time.monotonic() - t:.0f} s")
        note(timings[-1])
        waited = wait_ready(c, 600)
        check("kefud reaches READY on the virtual board (systemctl is-active kefud)", waited is not None, "not active within 600 s")
        if waited is None:
            print(c.shell("systemctl status kefud --no-pager -n 30")[1])
            raise Failed("kefud never became ready")
        timings.append(f"kefud READY {time.monotonic() - t:.0f} s after power-on")
        note(timings[-1])
        print("  " + c.shell("systemctl show -P StatusText kefud")[1])
        rc, out = c.shell("stat -c '%n %U:%G %a' /dev/dahdi/ctl /dev/dahdi/chan/001/001")
        check("udev gives the DAHDI nodes to root:kefu, mode 660",
              rc == 0 and out.count("root:kefu 660") == 2, out)
        rc, out = c.shell("readlink -f /dev/ttyKefu; systemctl is-active kefu-console@ttyKefu")
        check("the console port has its stable name /dev/ttyKefu and the login runs on it",
              out.split() == ["/dev/ttyS0", "active"], out)
        rc, out = c.shell("systemctl list-timers kefu-maintenance.timer --no-pager | grep -c kefu-maintenance.timer")
        check("the maintenance timer is scheduled", out.strip() == "1", out)
        rc, out = c.shell("mkdir -p /mnt/xfer && mount -t 9p -o trans=virtio,version=9p2000.L,ro xfer /mnt/xfer && ls /mnt/xfer")
        if not check("the test's files are reachable (9p)", rc == 0, out):
            raise Failed("no transfer share")

        # ---- one call through kefud
        note("one call: the exchange rings line 1, key 5, the agent's phone answers, busy tone")
        rc, out = c.shell("/mnt/xfer/vboard-check --exchange-call", 300)
        print("\n".join("  " + l for l in out.split("\n")))
        check("a call through kefud: answered, menu, agent, audio both ways, released", rc == 0, f"status {rc}")
        time.sleep(5)
        rc, out = c.shell("kefu calls show 1")
        print("\n".join("  " + l for l in out.split("\n")[:12]))
        check("kefu calls show 1: the call is stored, answered by agent 8001", rc == 0 and "8001" in out, out[:300])
        rc, out = c.shell("kefu recordings list --data-dir /var/lib/kefu --config /etc/kefu/kefu.toml")
        check("the call's recording is there", rc == 0 and ("1 recording(s)" in out or "录音 1 条" in out), out)
        rc, out = c.shell("runuser -u kefu -- kefu maintenance --config /etc/kefu/kefu.toml --data-dir /var/lib/kefu", 300)
        check("kefu maintenance as the timer runs it: database ok", rc == 0 and "check /var/lib/kefu/kefu.db: ok" in out, out)
        c.send("exit\n")

        # ---- the console account lands in the kefu shell
        c.login("admin", 120)
        c.expect(rb"> ", 120, "the kefu shell prompt for admin")
        time.sleep(0.5)
        c.buffer = b""
        c.send("status\n")
        m = c.expect(rb"([\s\S]*?)\n[^\n]*> ", 60, "kefu status in the console shell")
        out = m.group(1).decode("utf-8", "replace").replace("\r", "")
        print("\n".join("  " + l for l in out.strip().split("\n")[:8]))
        check("serial console login as admin gives the kefu shell, and status answers with the spans", "span 1" in out, out[:300])
        c.send("quit\n")

        # ---- A/B update with a broken image, and the fallback
        root_session(c, 120)
        rc, out = c.shell("cat /proc/cmdline")
        note(f"kernel command line: {out}")
        note("kefu update with a broken build (kefud exits at once), 1 try")
        t = time.monotonic()
        rc, out = c.shell("kefu update /mnt/xfer/kefu-broken-update.bin --tries 1", 1800)
        print("\n".join("  " + l for l in out.split("\n")))
        check("kefu update writes slot B and its entry on trial", rc == 0 and "kefu-b+1.conf" in out, out)
        timings.append(f"kefu update (write slot B): {time.monotonic() - t:.0f} s")
        note(timings[-1])
        print("  entries: " + c.shell("ls /boot/efi/loader/entries")[1].replace("\n", " "))
        c.send("systemctl reboot\n")
        t = time.monotonic()
        m = c.expect(rb"kefu-initramfs: root (kefu-root-[ab])", BOOT_LIMIT, "the reboot into the new slot")
        check("the loader starts the updated slot B first", m.group(1) == b"kefu-root-b", m.group(1))
        m = c.expect(rb"kefu-boot-check: slot b: (kefud[^\r\n]*)", BOOT_LIMIT, "the boot check's verdict on slot B")
        note("boot check: " + m.group(1).decode())
        check("the boot check finds slot B bad (kefud never READY)", b"failed" in m.group(1) or b"not READY" in m.group(1), m.group(1))
        m = c.expect(rb"kefu-initramfs: root (kefu-root-[ab])", BOOT_LIMIT, "the reboot after the failed boot")
        check("with no tries left the box starts slot A again by itself", m.group(1) == b"kefu-root-a", m.group(1))
        root_session(c, BOOT_LIMIT)
        timings.append(f"broken slot B tried and back on slot A: {time.monotonic() - t:.0f} s")
        note(timings[-1])
        rc, out = c.shell("grep -o 'kefu.slot=[ab]' /proc/cmdline; ls /boot/efi/loader/entries")
        check("running slot A; slot B's entry is marked used up (kefu-b+0-1.conf)", "kefu.slot=a" in out and "kefu-b+0-1.conf" in out, out)
        waited = wait_ready(c, 600)
        check("kefud is READY again on slot A", waited is not None, "not active within 600 s")
        c.stopping = True
        c.send("systemctl poweroff\n")
        time.sleep(5)
    except Failed as e:
        check("boot test", False, str(e))
    finally:
        c.stop()
        with open(os.path.join(run_dir, "timings.txt"), "w") as f:
            f.write("\n".join(timings) + "\n")
    for line in timings:
        print(f"image-test: time: {line}")
    print(f"image-test: {'all checks passed' if failures == 0 else f'{failures} check(s) FAILED'} in {stamp().strip()}")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
