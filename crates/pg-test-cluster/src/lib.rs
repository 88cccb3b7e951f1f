//! A throw-away PostgreSQL server for tests: `initdb` into a temporary folder and `pg_ctl` on
//! 127.0.0.1 with a free port, stopped and removed when dropped. PostgreSQL refuses to run as
//! root, so under root the server runs as `nobody`. Nothing is downloaded: the server comes
//! from the system's `postgresql` package; without it, `start` returns `None` and the tests
//! say they skipped the PostgreSQL side.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use postgres::{Client, NoTls};

pub const SUPERUSER: &str = "postgres";
const SUPERUSER_PASSWORD: &str = "infoklass-test";

pub struct Cluster {
    dir: tempfile::TempDir,
    bin: PathBuf,
    pub port: u16,
    run_as: Option<(u32, u32)>,
}

/// The server's programs: INFOKLASS_PG_BINDIR, else the newest /usr/lib/postgresql/*/bin.
pub fn bindir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("INFOKLASS_PG_BINDIR") {
        return Some(PathBuf::from(dir));
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .filter_map(|e| {
            let v = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((v, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

impl Cluster {
    /// Starts a server, or `None` (with the reason on stderr) when PostgreSQL is missing.
    pub fn start() -> Option<Cluster> {
        let Some(bin) = bindir() else {
            // The test command sets this, so a machine without PostgreSQL fails there instead
            // of passing with the PostgreSQL side silently left out.
            if std::env::var_os("INFOKLASS_REQUIRE_POSTGRES").is_some() {
                panic!("INFOKLASS_REQUIRE_POSTGRES is set but PostgreSQL is not installed");
            }
            eprintln!("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): PostgreSQL side skipped");
            return None;
        };
        let dir = tempfile::Builder::new().prefix("infoklass-pg-").tempdir().expect("temporary folder");
        let run_as = unprivileged_user();
        let mut cluster = Cluster { dir, bin, port: 0, run_as };
        cluster.own(cluster.dir.path());
        let pwfile = cluster.dir.path().join("pw");
        std::fs::write(&pwfile, SUPERUSER_PASSWORD).unwrap();
        cluster.own(&pwfile);
        let data = cluster.data();
        cluster.run(
            "initdb",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "-U".as_ref(),
                SUPERUSER.as_ref(),
                format!("--pwfile={}", pwfile.display()).as_ref(),
                "--auth-local=trust".as_ref(),
                "--auth-host=scram-sha-256".as_ref(),
                "-E".as_ref(),
                "UTF8".as_ref(),
                "--locale=C".as_ref(),
                "--no-sync".as_ref(),
            ],
        );
        // A free port can be taken between asking and starting: try a few.
        for _ in 0..5 {
            cluster.port = free_port();
            // Tests need no durability; benchmarks ask for it (INFOKLASS_PG_DURABLE=1) so their
            // figures compare with an SQLite file that syncs every commit.
            let fsync = if std::env::var_os("INFOKLASS_PG_DURABLE").is_some() { "on" } else { "off" };
            let options = format!(
                "-p {} -c listen_addresses=127.0.0.1 -k {} -c fsync={fsync} -c max_connections=60",
                cluster.port,
                cluster.dir.path().display()
            );
            let log = cluster.dir.path().join("server.log");
            let started = cluster.try_run(
                "pg_ctl",
                &[
                    "-D".as_ref(),
                    data.as_os_str(),
                    "-l".as_ref(),
                    log.as_os_str(),
                    "-w".as_ref(),
                    "-t".as_ref(),
                    "60".as_ref(),
                    "-o".as_ref(),
                    options.as_ref(),
                    "start".as_ref(),
                ],
            );
            if started {
                return Some(cluster);
            }
        }
        panic!("the test PostgreSQL server did not start; see {}", cluster.dir.path().join("server.log").display());
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// The URL of `db` for `user` (with a password, when given), without TLS.
    pub fn url(&self, user: &str, password: Option<&str>, db: &str) -> String {
        let auth = password.map_or(user.to_string(), |p| format!("{user}:{p}"));
        format!("postgresql://{auth}@127.0.0.1:{}/{db}?sslmode=disable", self.port)
    }

    /// The superuser's URL of `db`.
    pub fn admin_url(&self, db: &str) -> String {
        self.url(SUPERUSER, Some(SUPERUSER_PASSWORD), db)
    }

    pub fn admin(&self, db: &str) -> Client {
        Client::connect(&self.admin_url(db), NoTls).expect("the superuser connects")
    }

    /// A new empty database owned by the superuser; returns its name.
    pub fn create_database(&self, name: &str) -> String {
        self.admin("postgres").batch_execute(&format!("CREATE DATABASE \"{name}\"")).unwrap();
        name.to_string()
    }

    /// A login with a password (SCRAM), not yet in any Infoklass role.
    pub fn create_login(&self, login: &str, password: &str) {
        let sql = format!("CREATE ROLE \"{login}\" LOGIN PASSWORD '{}'", password.replace('\'', "''"));
        self.admin("postgres").batch_execute(&sql).unwrap();
    }

    /// Turns on TLS with a self-signed certificate for 127.0.0.1 and `localhost`; returns the
    /// certificate file (the client's root certificate).
    pub fn enable_tls(&self) -> PathBuf {
        let (cert, key) = (self.dir.path().join("server.crt"), self.dir.path().join("server.key"));
        let status = Command::new("openssl")
            .args(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost"])
            .args(["-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"])
            .arg("-keyout")
            .arg(&key)
            .arg("-out")
            .arg(&cert)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("openssl runs");
        assert!(status.success(), "openssl made no certificate");
        self.own(&cert);
        self.own(&key);
        std::fs::set_permissions(&key, std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();
        let mut admin = self.admin("postgres");
        // One statement at a time: ALTER SYSTEM may not run in a (multi-statement) transaction.
        for sql in [
            "ALTER SYSTEM SET ssl = on".to_string(),
            format!("ALTER SYSTEM SET ssl_cert_file = '{}'", cert.display()),
            format!("ALTER SYSTEM SET ssl_key_file = '{}'", key.display()),
            "SELECT pg_reload_conf()".to_string(),
        ] {
            admin.batch_execute(&sql).unwrap();
        }
        // The reload is asynchronous: wait until new connections see it.
        for _ in 0..100 {
            let on: String = self.admin("postgres").query_one("SHOW ssl", &[]).unwrap().get(0);
            if on == "on" {
                return cert;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("TLS did not come on");
    }

    fn own(&self, path: &Path) {
        if let Some((uid, gid)) = self.run_as {
            std::os::unix::fs::chown(path, Some(uid), Some(gid)).expect("chown to the server's user");
        }
    }

    fn command(&self, program: &str) -> Command {
        let mut c = Command::new(self.bin.join(program));
        c.env("LC_ALL", "C").env_remove("PGDATA").env_remove("PGPORT").env_remove("PGHOST");
        if let Some((uid, gid)) = self.run_as {
            use std::os::unix::process::CommandExt;
            c.uid(uid).gid(gid).current_dir(self.dir.path());
        }
        c
    }

    fn run(&self, program: &str, args: &[&std::ffi::OsStr]) {
        let out = self.command(program).args(args).output().expect("the PostgreSQL program runs");
        assert!(out.status.success(), "{program} failed: {}", String::from_utf8_lossy(&out.stderr));
    }

    fn try_run(&self, program: &str, args: &[&std::ffi::OsStr]) -> bool {
        self.command(program).args(args).stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
    }
}

impl Cluster {
    fn stop(&self) {
        let data = self.data();
        let _ = self
            .command("pg_ctl")
            .args(["-D".as_ref(), data.as_os_str(), "-m".as_ref(), "immediate".as_ref(), "stop".as_ref()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        self.stop();
    }
}

static SHARED: std::sync::OnceLock<Option<Cluster>> = std::sync::OnceLock::new();

/// One server for the whole test process (each test makes its own database on it), stopped
/// and removed when the process exits: statics are never dropped, so an exit handler does it.
pub fn shared() -> Option<&'static Cluster> {
    SHARED
        .get_or_init(|| {
            let cluster = Cluster::start()?;
            extern "C" fn stop_shared() {
                if let Some(Some(c)) = SHARED.get() {
                    c.stop();
                    let _ = std::fs::remove_dir_all(c.dir.path());
                }
            }
            // SAFETY: registering a plain function with no captured state.
            unsafe {
                libc::atexit(stop_shared);
            }
            Some(cluster)
        })
        .as_ref()
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// `nobody` when running as root (PostgreSQL will not run as root), else nobody at all.
fn unprivileged_user() -> Option<(u32, u32)> {
    // SAFETY: geteuid has no preconditions; getpwnam returns a pointer into static storage
    // (or null) that is read at once, before any other call could overwrite it.
    unsafe {
        if libc::geteuid() != 0 {
            return None;
        }
        let pw = libc::getpwnam(c"nobody".as_ptr());
        assert!(!pw.is_null(), "running as root, and there is no user `nobody` to run PostgreSQL as");
        Some(((*pw).pw_uid, (*pw).pw_gid))
    }
}
