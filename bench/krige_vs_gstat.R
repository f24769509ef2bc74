# Helper of bench/krige_vs_gstat: makes the two benchmark jobs and runs R gstat on them.
#   Rscript krige_vs_gstat.R generate DIR [SCALE]   writes DIR/{2d,3d}_{samples,targets}.csv, DIR/{2d,3d}.json
#                                                   and the gstat inputs; SCALE < 1 shrinks the jobs
#   Rscript krige_vs_gstat.R gstat DIR JOB          kriges JOB (2d or 3d) with gstat, timing only krige();
#                                                   prints "seconds S", writes DIR/JOB_gstat.csv
# 2d: ordinary kriging at 78,000 grid nodes from 10,000 samples, the 24 nearest (gstat's nmax), anisotropic
#     spherical model. 3d: ordinary kriging at 100,000 block centres (50 x 50 x 40 blocks of 20 x 20 x 5 m)
#     from 200,000 samples along 2,000 inclined drillholes (100 samples at 2 m each), the 30 nearest by
#     anisotropic distance. gstat selects neighbours by Euclidean distance, so for 3d it gets coordinates
#     transformed by the variogram's anisotropy (|M d| = 1 at the range, GSLIB rotation) and the same model
#     made isotropic with range 1: the identical job.
suppressPackageStartupMessages({ library(sp); library(gstat) })
args <- commandArgs(trailingOnly = TRUE)
num <- function(x) sprintf("%.17g", x)
write_table <- function(df, file) {
  out <- as.data.frame(lapply(df, function(col) if (is.numeric(col)) num(col) else col), stringsAsFactors = FALSE)
  write.csv(out, file, row.names = FALSE, quote = FALSE)
}

# The 3D model: nugget 0.2 + spherical 1.0, ranges 150 / 80 / 20 m, azimuth 30, dip -10.
ranges3 <- c(150, 80, 20); azimuth3 <- 30; dip3 <- -10
anis_transform <- function(p) {  # GSLIB/gstat rotation, rows scaled by 1 / range
  a <- (90 - azimuth3) * pi / 180; b <- -dip3 * pi / 180; t <- 0
  m <- rbind(c(cos(b) * cos(a), cos(b) * sin(a), -sin(b)),
             c(-cos(t) * sin(a) + sin(t) * sin(b) * cos(a), cos(t) * cos(a) + sin(t) * sin(b) * sin(a), sin(t) * cos(b)),
             c(sin(t) * sin(a) + cos(t) * sin(b) * cos(a), -sin(t) * cos(a) + cos(t) * sin(b) * sin(a), cos(t) * cos(b)))
  m <- m / ranges3
  t(m %*% t(as.matrix(p)))
}

generate <- function(dir, scale) {
  set.seed(7)
  # ---- 2d ----
  n2 <- round(10000 * scale)
  s2 <- data.frame(x = runif(n2, 0, 3000), y = runif(n2, 0, 2600))
  s2$v <- 10 + 2 * sin(s2$x / 400) + 1.5 * cos(s2$y / 300) + rnorm(n2, sd = 0.6)
  nx <- round(300 * sqrt(scale)); ny <- round(260 * sqrt(scale))
  t2 <- expand.grid(x = (seq_len(nx) - 0.5) * 3000 / nx, y = (seq_len(ny) - 0.5) * 2600 / ny)
  write_table(s2, file.path(dir, "2d_samples.csv")); write_table(t2, file.path(dir, "2d_targets.csv"))
  writeLines(c('{"samples": {"file": "2d_samples.csv", "value": "v"}, "targets": {"file": "2d_targets.csv"},',
               ' "variogram": {"nugget": 0.3, "structures": [{"type": "spherical", "sill": 3.2, "ranges": [600, 300], "angles": [30]}]},',
               ' "kriging": {"type": "ordinary"}, "search": {"max_samples": 24}, "output": "2d_georeserve.csv"}'),
             file.path(dir, "2d.json"))
  # ---- 3d ----
  holes <- round(2000 * scale); per <- 100
  cx <- runif(holes, 0, 1000); cy <- runif(holes, 0, 1000)
  az <- runif(holes, 0, 2 * pi); dip <- runif(holes, 60, 90) * pi / 180
  h <- rep(seq_len(holes), each = per); k <- rep(seq_len(per) - 0.5, holes) * 2
  s3 <- data.frame(hole = sprintf("H%04d", h), x = cx[h] + k * cos(dip[h]) * sin(az[h]),
                   y = cy[h] + k * cos(dip[h]) * cos(az[h]), z = -k * sin(dip[h]))
  s3$v <- 2 + sin(s3$x / 120 + s3$y / 300) + cos(s3$z / 40) + rnorm(nrow(s3), sd = 0.45)
  bx <- round(50 * scale^(1 / 3)); bz <- round(40 * scale^(1 / 3))
  t3 <- expand.grid(x = (seq_len(bx) - 0.5) * 1000 / bx, y = (seq_len(bx) - 0.5) * 1000 / bx,
                    z = -(seq_len(bz) - 0.5) * 200 / bz)
  write_table(s3, file.path(dir, "3d_samples.csv")); write_table(t3, file.path(dir, "3d_targets.csv"))
  writeLines(c('{"samples": {"file": "3d_samples.csv", "z": "z", "value": "v", "hole": "hole"},',
               ' "targets": {"file": "3d_targets.csv", "z": "z"},',
               sprintf(' "variogram": {"nugget": 0.2, "structures": [{"type": "spherical", "sill": 1.0, "ranges": [%s], "angles": [%s, %s, 0]}]},',
                       paste(ranges3, collapse = ", "), azimuth3, dip3),
               ' "kriging": {"type": "ordinary"},',
               sprintf(' "search": {"max_samples": 30, "ranges": [%s], "angles": [%s, %s, 0]},',
                       paste(ranges3 * 8, collapse = ", "), azimuth3, dip3),
               ' "output": "3d_georeserve.csv"}'), file.path(dir, "3d.json"))
  u <- anis_transform(s3[, c("x", "y", "z")]); w <- anis_transform(t3)
  saveRDS(list(s = data.frame(u = u[, 1], v2 = u[, 2], w = u[, 3], v = s3$v),
               t = data.frame(u = w[, 1], v2 = w[, 2], w = w[, 3])), file.path(dir, "3d_gstat.rds"))
  cat(sprintf("2d: %d samples, %d targets; 3d: %d samples in %d holes, %d targets\n", nrow(s2), nrow(t2),
              nrow(s3), holes, nrow(t3)))
}

run_gstat <- function(dir, job) {
  if (job == "2d") {
    s <- read.csv(file.path(dir, "2d_samples.csv")); t <- read.csv(file.path(dir, "2d_targets.csv"))
    m <- vgm(3.2, "Sph", 600, 0.3, anis = c(30, 0.5))
    secs <- system.time(p <- krige(v ~ 1, ~x + y, s, t, model = m, nmax = 24, debug.level = 0))[["elapsed"]]
  } else {
    d <- readRDS(file.path(dir, "3d_gstat.rds"))
    m <- vgm(1.0, "Sph", 1, 0.2)
    secs <- system.time(p <- krige(v ~ 1, ~u + v2 + w, d$s, d$t, model = m, nmax = 30, debug.level = 0))[["elapsed"]]
  }
  write_table(data.frame(estimate = p$var1.pred, variance = p$var1.var), file.path(dir, paste0(job, "_gstat.csv")))
  cat(sprintf("seconds %.3f\n", secs))
}

if (length(args) >= 2 && args[1] == "generate") {
  generate(args[2], if (length(args) >= 3) as.numeric(args[3]) else 1)
} else if (length(args) == 3 && args[1] == "gstat") {
  run_gstat(args[2], args[3])
} else {
  stop("usage: krige_vs_gstat.R generate DIR [SCALE] | gstat DIR 2d|3d")
}
