#!/usr/bin/env Rscript
# Writes the reference outputs the detection tests compare with: R's own surveillance::earsC and
# surveillance::cusum on the package's example data, and base R's quantile(type = 7) for the
# moving-percentile method (DOMAIN.md §1). Also writes the input series the tests read, so the
# tests pass without R. Every file names its source, R.version.string and the package version.
#
# Usage (from the repository root): Rscript scripts/r-reference/make-references.R
# Needs: r-base-core, r-cran-surveillance (Debian).
suppressPackageStartupMessages(library(surveillance))

out_dir <- file.path("src", "surveillance", "fixtures")
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)
versions <- sprintf("%s; surveillance %s", R.version.string, as.character(packageVersion("surveillance")))

num <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
json <- function(lst) {
  lst <- lst[!vapply(lst, is.null, logical(1))]
  vals <- vapply(lst, function(v) {
    if (is.character(v)) sprintf("\"%s\"", v)
    else if (is.logical(v)) tolower(as.character(v))
    else if (length(v) > 1) sprintf("[%s]", paste(sprintf("%.17g", v), collapse = ","))
    else sprintf("%.17g", v)
  }, character(1))
  sprintf("{%s}", paste(sprintf("\"%s\":%s", names(lst), vals), collapse = ","))
}

write_series <- function(file, source, columns, from_package = TRUE) {
  path <- file.path(out_dir, file)
  origin <- if (from_package) " (example data of the R package surveillance, GPL-2)" else ""
  lines <- c(sprintf("# source: %s%s", source, origin), sprintf("# R: %s", versions))
  df <- data.frame(index = seq_len(nrow(as.data.frame(columns))), columns, check.names = FALSE)
  writeLines(lines, path)
  suppressWarnings(write.table(df, path, sep = ",", row.names = FALSE, quote = FALSE, append = TRUE))
  cat("wrote", path, "\n")
}

write_reference <- function(method, dataset, label, input, column, params, call, index, observed, upper, alarms) {
  path <- file.path(out_dir, sprintf("reference-%s-%s-%s.csv", method, dataset, label))
  lines <- c(
    sprintf("# method: %s", method),
    sprintf("# call: %s", call),
    sprintf("# input: %s column %s", input, column),
    sprintf("# params: %s", json(params)),
    sprintf("# R: %s", versions),
    "index,observed,upperbound,alarm",
    sprintf("%d,%s,%s,%s", as.integer(index), num(observed), num(upper), ifelse(is.na(alarms), "NA", ifelse(alarms, "1", "0")))
  )
  writeLines(lines, path)
  cat("wrote", path, "\n")
}

# ---- input series -----------------------------------------------------------------------------
data("salmonella.agona"); data("salmNewport"); data("stsNewport"); data("ha.sts")
agona <- as.numeric(salmonella.agona$observed)
newport_de <- aggregate(salmNewport, by = "unit")
newport <- as.numeric(observed(newport_de)[, 1])
sts_newport <- as.numeric(observed(stsNewport)[, 1])
ha <- observed(ha.sts)

write_series("series-salmonella-agona.csv", "data(salmonella.agona)$observed, weekly 1990-1995", list(observed = agona))
write_series("series-salm-newport-germany.csv", "data(salmNewport), aggregate(salmNewport, by = \"unit\"): weekly, summed over the 16 states",
             list(date = format(epoch(newport_de)), observed = newport))
write_series("series-sts-newport.csv", "data(stsNewport), weekly", list(date = format(epoch(stsNewport)), observed = sts_newport))
write_series("series-ha-sts.csv", "data(ha.sts): weekly hepatitis A, 12 Berlin districts", as.data.frame(ha))

set.seed(20240601)
days <- 4 * 365 + 1
day <- seq_len(days)
lambda <- exp(1.1 + 0.6 * sin(2 * pi * day / 365.25))
daily <- rpois(days, lambda)
daily[1300:1312] <- daily[1300:1312] + rpois(13, 6)
daily[1420:1426] <- daily[1420:1426] + rpois(7, 4)
write_series("series-daily-simulated.csv",
             "simulated in scripts/r-reference/make-references.R: set.seed(20240601); rpois(exp(1.1 + 0.6 sin(2 pi t/365.25))) with outbreaks added at days 1300-1312 and 1420-1426",
             list(date = format(as.Date("2019-01-01") + day - 1), count = daily), from_package = FALSE)

# ---- EARS C1/C2/C3: surveillance::earsC ------------------------------------------------------
run_ears <- function(dataset, input, column, x, label, control) {
  res <- earsC(sts(observed = matrix(x, ncol = 1), frequency = 52), control = control)
  range <- res@control$range
  params <- control[setdiff(names(control), "range")]
  if (!is.null(control$range)) params <- c(params, list(from = min(control$range), to = max(control$range)))
  call <- sprintf("earsC(sts(observed = x, frequency = 52), control = %s)", paste(deparse(control, width.cutoff = 500), collapse = ""))
  write_reference(sprintf("ears-%s", tolower(control$method)), dataset, label, input, column, params, call,
                  range, x[range], surveillance::upperbound(res)[, 1], surveillance::alarms(res)[, 1])
}

for (m in c("C1", "C2", "C3")) {
  run_ears("salmonella-agona", "series-salmonella-agona.csv", "observed", agona, "defaults", list(method = m))
  run_ears("salmonella-agona", "series-salmonella-agona.csv", "observed", agona, "baseline10-alpha0.01-minsigma0.5",
           list(method = m, baseline = 10, alpha = 0.01, minSigma = 0.5))
  run_ears("salm-newport-germany", "series-salm-newport-germany.csv", "observed", newport, "defaults", list(method = m))
  run_ears("sts-newport", "series-sts-newport.csv", "observed", sts_newport, "last300",
           list(method = m, range = (length(sts_newport) - 299):length(sts_newport)))
  for (district in c("chwi", "pank", "scho")) {
    run_ears(sprintf("ha-sts-%s", district), "series-ha-sts.csv", district, ha[, district], "defaults", list(method = m))
  }
  run_ears("ha-sts-mitt", "series-ha-sts.csv", "mitt", ha[, "mitt"], "baseline3-alpha0.05", list(method = m, baseline = 3, alpha = 0.05))
}
# The package's own check (tests/testthat/test-earsC.R): C1, ISO year 2011, alpha 0.05.
in2011 <- which(isoWeekYear(epoch(newport_de))$ISOYear == 2011)
run_ears("salm-newport-germany", "series-salm-newport-germany.csv", "observed", newport, "iso2011-alpha0.05",
         list(method = "C1", alpha = 0.05, range = in2011))

# ---- CUSUM: surveillance::cusum ----------------------------------------------------------------
has_reset <- any(grepl("reset", deparse(body(algo.cusum))))
run_cusum <- function(dataset, input, column, x, label, control) {
  res <- cusum(sts(observed = matrix(x, ncol = 1), frequency = 52), control = control)
  range <- control$range
  params <- c(control[setdiff(names(control), "range")], list(from = min(range), to = max(range)))
  call <- sprintf("cusum(sts(observed = x, frequency = 52), control = %s)", paste(deparse(control, width.cutoff = 500), collapse = ""))
  write_reference("cusum", dataset, label, input, column, params, call, range, x[range], surveillance::upperbound(res)[, 1], surveillance::alarms(res)[, 1])
}
agona_range <- 105:length(agona)
for (trans in c("standard", "rossi", "anscombe", "anscombe2nd", "pearsonNegBin", "none")) {
  run_cusum("salmonella-agona", "series-salmonella-agona.csv", "observed", agona, sprintf("from105-%s", trans),
            list(range = agona_range, trans = trans))
}
run_cusum("salmonella-agona", "series-salmonella-agona.csv", "observed", agona, "from105-k0.5-h4-m2",
          list(range = agona_range, k = 0.5, h = 4, m = 2))
run_cusum("salmonella-agona", "series-salmonella-agona.csv", "observed", agona, "from105-pearsonNegBin-alpha0.3",
          list(range = agona_range, trans = "pearsonNegBin", alpha = 0.3))
run_cusum("salm-newport-germany", "series-salm-newport-germany.csv", "observed", newport, "from261", list(range = 261:length(newport)))
run_cusum("sts-newport", "series-sts-newport.csv", "observed", sts_newport, "from474-anscombe",
          list(range = 474:length(sts_newport), trans = "anscombe"))
run_cusum("ha-sts-scho", "series-ha-sts.csv", "scho", ha[, "scho"], "from53", list(range = 53:nrow(ha)))
# m = "glm": a Poisson GLM with one yearly harmonic fitted to the points before the range
# (t = start[2] + i - 1; sts() without start has start = c(2000, 1)), as algo.cusum does.
run_cusum("salmonella-agona", "series-salmonella-agona.csv", "observed", agona, "from105-glm",
          list(range = agona_range, m = "glm"))
run_cusum("salmonella-agona", "series-salmonella-agona.csv", "observed", agona, "from105-glm-anscombe",
          list(range = agona_range, m = "glm", trans = "anscombe"))
run_cusum("salm-newport-germany", "series-salm-newport-germany.csv", "observed", newport, "from261-glm-rossi",
          list(range = 261:length(newport), m = "glm", trans = "rossi"))
run_cusum("ha-sts-scho", "series-ha-sts.csv", "scho", ha[, "scho"], "from53-glm-pearsonNegBin",
          list(range = 53:nrow(ha), m = "glm", trans = "pearsonNegBin"))
run_cusum("sts-newport", "series-sts-newport.csv", "observed", sts_newport, "from474-glm-anscombe2nd-k0.5-h4",
          list(range = 474:length(sts_newport), m = "glm", trans = "anscombe2nd", k = 0.5, h = 4))
# trans = "anscombeNegBin" (R's tabulated 2F1 lookup) with one expected count.
run_cusum("salmonella-agona", "series-salmonella-agona.csv", "observed", agona, "from105-anscombeNegBin",
          list(range = agona_range, trans = "anscombeNegBin"))
run_cusum("sts-newport", "series-sts-newport.csv", "observed", sts_newport, "from474-anscombeNegBin-alpha0.3-m8",
          list(range = 474:length(sts_newport), trans = "anscombeNegBin", alpha = 0.3, m = 8))
if (has_reset) {
  run_cusum("salmonella-agona", "series-salmonella-agona.csv", "observed", agona, "from105-reset",
            list(range = agona_range, reset = TRUE))
} else {
  cat("surveillance", as.character(packageVersion("surveillance")), "has no cusum reset: no reset reference written\n")
}

# ---- moving percentile (DOMAIN.md §1), computed with base R's quantile(type = 7) -------------
moving_percentile <- function(x, years = 3, percentile = 80, freq = 365, from = NULL, to = NULL) {
  if (is.null(from)) from <- years * freq + 21
  if (is.null(to)) to <- length(x)
  t_all <- from:to
  current <- numeric(length(t_all)); ub <- numeric(length(t_all))
  for (i in seq_along(t_all)) {
    t <- t_all[i]
    current[i] <- sum(x[(t - 6):t])
    base <- c()
    for (j in 1:years) for (s in -2:2) { e <- t - j * freq + 7 * s; base <- c(base, sum(x[(e - 6):e])) }
    ub[i] <- quantile(base, probs = percentile / 100, type = 7, names = FALSE)
  }
  list(index = t_all, observed = current, upperbound = ub, alarm = current > ub)
}
run_percentile <- function(label, args) {
  r <- do.call(moving_percentile, c(list(x = daily), args))
  call <- sprintf("base R: sum of the last 7 days vs quantile(type = 7) of 5 x years 7-day sums, %s", json(args))
  write_reference("percentile", "daily-simulated", label, "series-daily-simulated.csv", "count", args, call,
                  r$index, r$observed, r$upperbound, r$alarm)
}
run_percentile("defaults", list())
run_percentile("years2-p90-from1100", list(years = 2, percentile = 90, from = 1100))
run_percentile("years3-p50", list(years = 3, percentile = 50))
run_percentile("years1-p95-from1100", list(years = 1, percentile = 95, from = 1100))
