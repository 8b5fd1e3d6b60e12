#!/usr/bin/env Rscript
# Writes the reference outputs of R's surveillance::farringtonFlexible that the tests of
# src/surveillance/algorithms/farrington.ts compare against.
#
#   Rscript scripts/r-reference/farrington-references.R [output-dir]
#
# Needs r-base-core and r-cran-surveillance (Debian). Output (default
# src/surveillance/fixtures/):
#   farrington-series-<name>.csv      the input series (index, observed[, population])
#   farrington-<name>-<config>.csv    R's result over the monitored range
#                                     (index, observed, upperbound, alarm; NA = not monitored)
# Every file starts with "#" lines naming R.version.string and packageVersion("surveillance").
# Series are passed to R without dates (epochAsDate = FALSE), so reference weeks are chosen by
# index, exactly as farrington.ts does.
suppressPackageStartupMessages(library(surveillance))

args <- commandArgs(trailingOnly = TRUE)
outDir <- if (length(args) >= 1) args[1] else "src/surveillance/fixtures"
dir.create(outDir, showWarnings = FALSE, recursive = TRUE)
versionLine <- sprintf("# %s; surveillance %s", R.version.string,
                       as.character(packageVersion("surveillance")))

num <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

writeSeries <- function(name, observed, population = NULL) {
  path <- file.path(outDir, sprintf("farrington-series-%s.csv", name))
  con <- file(path, "w")
  writeLines(versionLine, con)
  writeLines(sprintf("# input series %s (weekly, freq 52, no dates)", name), con)
  if (is.null(population)) {
    writeLines("index,observed", con)
    writeLines(sprintf("%d,%s", seq_along(observed), num(observed)), con)
  } else {
    writeLines("index,observed,population", con)
    writeLines(sprintf("%d,%s,%s", seq_along(observed), num(observed), num(population)), con)
  }
  close(con)
}

# Synthetic, deterministic population for the populationOffset case.
syntheticPopulation <- function(n) round(100000 * (1 + 0.002 * seq_len(n) + 0.05 * sin(2 * pi * seq_len(n) / 52)))

data(salmonella.agona); data(salmNewport); data(stsNewport); data(ha.sts)
haObs <- observed(ha.sts)
series <- list(
  agona = as.numeric(salmonella.agona$observed),
  salmNewport = as.numeric(rowSums(observed(salmNewport))),
  stsNewport = as.numeric(observed(stsNewport)[, 1]),
  haMitt = as.numeric(haObs[, "mitt"]),
  haPank = as.numeric(haObs[, "pank"]),
  haLich = as.numeric(haObs[, "lich"])
)
populations <- list(agona = syntheticPopulation(length(series$agona)))

for (name in names(series)) writeSeries(name, series[[name]], populations[[name]])

noufaily <- list(noPeriods = 10, b = 4, w = 3, weightsThreshold = 2.58,
                 pastWeeksNotIncluded = 26, pThresholdTrend = 1, thresholdMethod = "nbPlugin")
# name -> list(series, control); range is 1-based and inclusive; NULL = R's default range.
cases <- list(
  list("agona", "defaults", list()),
  list("salmNewport", "defaults", list(range = 400:528)),
  list("stsNewport", "defaults", list(range = 673:773)),
  list("haPank", "defaults", list()),
  # limit54 = c(0, 4) so the sparse districts (mostly zero weeks) are monitored at every week.
  list("haMitt", "limit54-0", list(limit54 = c(0, 4))),
  list("haLich", "limit54-0", list(limit54 = c(0, 4))),
  list("haLich", "noufaily-limit54-0", c(noufaily, list(limit54 = c(0, 4)))),
  list("agona", "noufaily", noufaily),
  list("salmNewport", "noufaily", c(noufaily, list(range = 400:528))),
  list("stsNewport", "noufaily", c(noufaily, list(range = 673:773))),
  list("haPank", "noufaily", noufaily),
  list("agona", "muan", list(thresholdMethod = "muan")),
  list("stsNewport", "muan", list(thresholdMethod = "muan", range = 673:773)),
  list("salmNewport", "noufaily-muan", c(modifyList(noufaily, list(thresholdMethod = "muan")), list(range = 400:528))),
  list("agona", "powertrans-half", list(powertrans = "1/2")),
  list("agona", "powertrans-none", list(powertrans = "none")),
  list("stsNewport", "powertrans-none", list(powertrans = "none", range = 673:773)),
  list("agona", "no-reweight", list(reweight = FALSE)),
  list("salmNewport", "no-reweight", list(reweight = FALSE, range = 400:528)),
  list("agona", "no-trend", list(trend = FALSE)),
  list("stsNewport", "no-trend", list(trend = FALSE, range = 673:773)),
  list("agona", "population-offset", list(populationOffset = TRUE)),
  list("agona", "b3-w2-limit54-3-2-alpha01", list(b = 3, w = 2, limit54 = c(3, 2), alpha = 0.01, range = 200:312)),
  list("salmNewport", "periods4-pastweeks8", list(noPeriods = 4, pastWeeksNotIncluded = 8, range = 400:528))
)

for (case in cases) {
  name <- case[[1]]; config <- case[[2]]; control <- case[[3]]
  pop <- populations[[name]]
  obs <- matrix(series[[name]], ncol = 1)
  s <- if (is.null(pop)) sts(observed = obs, freq = 52) else
    sts(observed = obs, freq = 52, population = matrix(pop, ncol = 1))
  res <- farringtonFlexible(s, control = control)
  range <- if (is.null(control$range)) (52 * (if (is.null(control$b)) 5 else control$b) +
    (if (is.null(control$w)) 3 else control$w) + 1):length(series[[name]]) else control$range
  path <- file.path(outDir, sprintf("farrington-%s-%s.csv", name, config))
  con <- file(path, "w")
  writeLines(versionLine, con)
  writeLines(sprintf("# farringtonFlexible(series %s, control = %s)", name,
                     paste(deparse(control, width.cutoff = 500L), collapse = " ")), con)
  writeLines("index,observed,upperbound,alarm", con)
  writeLines(sprintf("%d,%s,%s,%s", range, num(observed(res)[, 1]), num(upperbound(res)[, 1]),
                     ifelse(is.na(alarms(res)[, 1]), "NA", ifelse(alarms(res)[, 1], "TRUE", "FALSE"))), con)
  close(con)
}
cat("done\n")
