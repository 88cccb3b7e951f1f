//! Where to connect: a `postgresql://` URL as libpq reads it, completed from libpq's service
//! file (`service=`) and password file (`.pgpass`), so that what a region's IT rolls out for
//! psql works here too. Infoklass itself never writes a password anywhere.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::{PgError, Result};

/// True for a connection URL (`postgres://` or `postgresql://`) rather than a file path.
pub fn is_database_url(text: &str) -> bool {
    let lower = text.trim_start().to_ascii_lowercase();
    lower.starts_with("postgresql://") || lower.starts_with("postgres://")
}

/// How much the connection is protected, with libpq's meanings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SslMode {
    Disable,
    /// TLS when the server offers it (libpq's default; `allow` is read as this).
    Prefer,
    /// TLS, without checking the server's certificate.
    Require,
    /// TLS, with a certificate from a trusted authority.
    VerifyCa,
    /// TLS, with a trusted certificate issued to the host name connected to.
    VerifyFull,
}

impl SslMode {
    fn parse(text: &str) -> Result<SslMode> {
        Ok(match text {
            "disable" => SslMode::Disable,
            "allow" | "prefer" => SslMode::Prefer,
            "require" => SslMode::Require,
            "verify-ca" => SslMode::VerifyCa,
            "verify-full" => SslMode::VerifyFull,
            other => return Err(PgError::BadUrl(format!("unknown sslmode \"{other}\""))),
        })
    }
}

/// A database to connect to, with the password only in memory.
#[derive(Clone, PartialEq, Eq)]
pub struct Target {
    pub host: String,
    pub port: u16,
    pub user: String,
    pub dbname: String,
    pub password: Option<String>,
    pub sslmode: SslMode,
    /// A file of trusted root certificates (libpq's `sslrootcert`).
    pub sslrootcert: Option<PathBuf>,
    pub connect_timeout_s: u64,
    pub application_name: String,
}

impl std::fmt::Debug for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.display())
    }
}

/// Files libpq reads, so tests can point elsewhere than the user's home.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub service_files: Vec<PathBuf>,
    pub pgpass: Option<PathBuf>,
    pub default_user: String,
}

impl Sources {
    /// The places libpq looks: PGSERVICEFILE or ~/.pg_service.conf, then the system file
    /// (PGSYSCONFDIR, Debian's /etc/postgresql-common); PGPASSFILE or ~/.pgpass.
    pub fn from_env() -> Sources {
        let home = std::env::var_os("HOME").map(PathBuf::from);
        let var = |k: &str| std::env::var_os(k).map(PathBuf::from);
        let mut service_files = Vec::new();
        service_files.extend(var("PGSERVICEFILE").or_else(|| home.as_ref().map(|h| h.join(".pg_service.conf"))));
        let sysconf = var("PGSYSCONFDIR").unwrap_or_else(|| PathBuf::from("/etc/postgresql-common"));
        service_files.push(sysconf.join("pg_service.conf"));
        let pgpass = var("PGPASSFILE").or_else(|| home.map(|h| h.join(".pgpass")));
        let default_user = std::env::var("PGUSER")
            .or_else(|_| std::env::var("USER"))
            .or_else(|_| std::env::var("USERNAME"))
            .unwrap_or_default();
        Sources { service_files, pgpass, default_user }
    }
}

impl Target {
    /// Reads a URL such as `postgresql://anna@db.region.se:5432/infoklass?sslmode=verify-full`.
    pub fn parse(url: &str, sources: &Sources) -> Result<Target> {
        let url = url.trim();
        let rest = url
            .strip_prefix("postgresql://")
            .or_else(|| url.strip_prefix("postgres://"))
            .ok_or_else(|| PgError::BadUrl(format!("\"{url}\" is not a postgresql:// URL")))?;
        let (before_query, query) = rest.split_once('?').unwrap_or((rest, ""));
        let (authority, path) = before_query.split_once('/').unwrap_or((before_query, ""));
        let (userinfo, hostport) = match authority.rsplit_once('@') {
            Some((u, h)) => (Some(u), h),
            None => (None, authority),
        };
        let mut fields = BTreeMap::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            fields.insert(decode(k)?, decode(v)?);
        }
        if let Some(u) = userinfo {
            let (user, password) = u.split_once(':').map_or((u, None), |(a, b)| (a, Some(b)));
            if !user.is_empty() {
                fields.insert("user".into(), decode(user)?);
            }
            if let Some(p) = password {
                fields.insert("password".into(), decode(p)?);
            }
        }
        let (host, port) = split_host_port(hostport)?;
        if !host.is_empty() {
            fields.insert("host".into(), host);
        }
        if let Some(p) = port {
            fields.insert("port".into(), p);
        }
        if !path.is_empty() {
            fields.insert("dbname".into(), decode(path)?);
        }
        // A service names defaults; what the URL says wins.
        if let Some(service) = fields.get("service").cloned() {
            for (k, v) in read_service(&service, &sources.service_files)? {
                fields.entry(k).or_insert(v);
            }
        }
        Target::from_fields(fields, sources)
    }

    fn from_fields(mut f: BTreeMap<String, String>, sources: &Sources) -> Result<Target> {
        let known = [
            "host",
            "hostaddr",
            "port",
            "user",
            "password",
            "dbname",
            "sslmode",
            "sslrootcert",
            "connect_timeout",
            "application_name",
            "service",
        ];
        if let Some(k) = f.keys().find(|k| !known.contains(&k.as_str())) {
            return Err(PgError::BadUrl(format!("the connection option \"{k}\" is not supported")));
        }
        let host = f.remove("host").or_else(|| f.remove("hostaddr")).unwrap_or_else(|| "localhost".into());
        let port = match f.remove("port") {
            Some(p) => p.parse().map_err(|_| PgError::BadUrl(format!("\"{p}\" is not a port")))?,
            None => 5432,
        };
        let user = f.remove("user").unwrap_or_else(|| sources.default_user.clone());
        if user.is_empty() {
            return Err(PgError::BadUrl("the URL names no user".into()));
        }
        let dbname = f.remove("dbname").unwrap_or_else(|| user.clone());
        let sslmode = SslMode::parse(f.get("sslmode").map_or("prefer", String::as_str))?;
        let connect_timeout_s = match f.get("connect_timeout") {
            Some(t) => t.parse().map_err(|_| PgError::BadUrl(format!("\"{t}\" is not a number of seconds")))?,
            None => 5,
        };
        let mut target = Target {
            host,
            port,
            user,
            dbname,
            password: f.remove("password"),
            sslmode,
            sslrootcert: f.remove("sslrootcert").map(PathBuf::from),
            connect_timeout_s,
            application_name: f.remove("application_name").unwrap_or_else(|| "infoklass".into()),
        };
        if target.password.is_none() {
            if let Some(file) = &sources.pgpass {
                target.password = pgpass_lookup(file, &target);
            }
        }
        Ok(target)
    }

    /// The target as shown to the user (status bar, messages): never the password.
    pub fn display(&self) -> String {
        format!("postgresql://{}@{}:{}/{}", self.user, self.host, self.port, self.dbname)
    }
}

fn split_host_port(hostport: &str) -> Result<(String, Option<String>)> {
    if let Some(rest) = hostport.strip_prefix('[') {
        let (host, after) =
            rest.split_once(']').ok_or_else(|| PgError::BadUrl(format!("\"{hostport}\" lacks its closing ]")))?;
        return Ok((host.to_string(), after.strip_prefix(':').map(str::to_string)));
    }
    Ok(match hostport.rsplit_once(':') {
        Some((h, p)) => (decode(h)?, Some(p.to_string())),
        None => (decode(hostport)?, None),
    })
}

/// Percent-decoding of one URL part.
fn decode(text: &str) -> Result<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok());
            out.push(hex.ok_or_else(|| PgError::BadUrl(format!("bad %-escape in \"{text}\"")))?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| PgError::BadUrl(format!("\"{text}\" is not UTF-8 after decoding")))
}

/// The settings of `[service]` from the first file that has it.
fn read_service(service: &str, files: &[PathBuf]) -> Result<BTreeMap<String, String>> {
    for file in files {
        let Ok(text) = std::fs::read_to_string(file) else { continue };
        let mut inside = false;
        let mut found = None;
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                inside = name == service;
                if inside {
                    found = Some(BTreeMap::new());
                }
            } else if inside {
                if let (Some(map), Some((k, v))) = (found.as_mut(), line.split_once('=')) {
                    let map: &mut BTreeMap<String, String> = map;
                    map.insert(k.trim().to_string(), v.trim().to_string());
                }
            }
        }
        if let Some(map) = found {
            return Ok(map);
        }
    }
    Err(PgError::BadUrl(format!("the service \"{service}\" is in no service file")))
}

/// The password for the target from a libpq password file (`host:port:db:user:password`,
/// `*` matching anything, `\` escaping `:` and `\`). Like libpq, a file that others can
/// read is ignored.
pub fn pgpass_lookup(file: &Path, t: &Target) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(file).ok()?.permissions().mode();
        if mode & 0o077 != 0 {
            return None;
        }
    }
    let text = std::fs::read_to_string(file).ok()?;
    let port = t.port.to_string();
    let want = [t.host.as_str(), port.as_str(), t.dbname.as_str(), t.user.as_str()];
    text.lines().filter(|l| !l.trim_start().starts_with('#')).find_map(|line| {
        let fields = split_pgpass(line);
        if fields.len() != 5 {
            return None;
        }
        let host_ok = fields[0] == "*"
            || fields[0] == want[0]
            || (fields[0] == "localhost" && (want[0].starts_with('/') || want[0] == "127.0.0.1"));
        let matches = host_ok && (1..4).all(|i| fields[i] == "*" || fields[i] == want[i]);
        matches.then(|| fields[4].clone())
    })
}

fn split_pgpass(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => fields.last_mut().unwrap().extend(chars.next()),
            ':' if fields.len() < 5 => fields.push(String::new()),
            _ => fields.last_mut().unwrap().push(c),
        }
    }
    fields
}

#[cfg(test)]
mod tests;
