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
# index, exactly as farrington.ts does; the second part below passes dates (epochAsDate = TRUE).
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

# ---------------------------------------------------------------------------------------------
# Date-based reference weeks (sts with epochAsDate = TRUE): R chooses the reference time points
# by date (algo.farrington.referencetimepoints: the same date 1..b years back, moved to the same
# weekday for weekly data) and measures the trend in units of the first date difference. Files:
#   farrington-dates-series-<name>.csv    index, date, observed[, population] (+ freq in header)
#   farrington-dates-<name>-<config>.csv  R's result, as above
set.seed(20261129)
dailyDates <- seq(as.Date("2015-01-01"), as.Date("2020-12-31"), by = "day")
dailyT <- seq_along(dailyDates)
dailyCounts <- rpois(length(dailyT), exp(1.4 + 0.5 * sin(2 * pi * dailyT / 365.25)))
dailyCounts[1880:1890] <- dailyCounts[1880:1890] + rpois(11, 6)  # an outbreak in March 2020
data(rotaBB)
dated <- list(
  salmNewport = list(observed = as.numeric(rowSums(observed(salmNewport))),
                     dates = as.Date(epoch(salmNewport), origin = "1970-01-01"), freq = 52),
  stsNewport = list(observed = as.numeric(observed(stsNewport)[, 1]),
                    dates = as.Date(epoch(stsNewport), origin = "1970-01-01"), freq = 52),
  rotaBB = list(observed = as.numeric(observed(rotaBB)[, "00-04"]),
                dates = as.Date(epoch(rotaBB), origin = "1970-01-01"), freq = 12),
  rotaBBadults = list(observed = as.numeric(observed(rotaBB)[, "15-69"]),
                      dates = as.Date(epoch(rotaBB), origin = "1970-01-01"), freq = 12),
  daily = list(observed = as.numeric(dailyCounts), dates = dailyDates, freq = 365)
)
dated$salmNewport$population <- syntheticPopulation(length(dated$salmNewport$observed))
datedSources <- c(
  salmNewport = "data(salmNewport), summed over the 16 states; epoch(salmNewport) as dates",
  stsNewport = "data(stsNewport), first column; epoch(stsNewport) as dates",
  rotaBB = "data(rotaBB), column 00-04 (monthly); epoch(rotaBB) as dates",
  rotaBBadults = "data(rotaBB), column 15-69 (monthly); epoch(rotaBB) as dates",
  daily = "simulated: set.seed(20261129); rpois(exp(1.4 + 0.5 sin(2 pi t / 365.25))), days 1880-1890 + rpois(6)"
)

for (name in names(dated)) {
  d <- dated[[name]]
  path <- file.path(outDir, sprintf("farrington-dates-series-%s.csv", name))
  con <- file(path, "w")
  writeLines(versionLine, con)
  writeLines(sprintf("# input series %s: %s; freq %d, epochAsDate = TRUE", name, datedSources[[name]], d$freq), con)
  if (is.null(d$population)) {
    writeLines("index,date,observed", con)
    writeLines(sprintf("%d,%s,%s", seq_along(d$observed), format(d$dates), num(d$observed)), con)
  } else {
    writeLines("index,date,observed,population", con)
    writeLines(sprintf("%d,%s,%s,%s", seq_along(d$observed), format(d$dates), num(d$observed), num(d$population)), con)
  }
  close(con)
}

dailyRange <- which(dailyDates >= as.Date("2020-02-01") & dailyDates <= as.Date("2020-04-15"))
datedCases <- list(
  list("salmNewport", "defaults", list(range = 400:528)),
  list("salmNewport", "noufaily", c(noufaily, list(range = 400:528))),
  list("salmNewport", "b3-w2-no-reweight", list(b = 3, w = 2, reweight = FALSE, range = 300:528)),
  list("salmNewport", "population-offset", list(populationOffset = TRUE, range = 400:528)),
  list("stsNewport", "defaults", list(range = 673:773)),
  list("stsNewport", "muan", list(thresholdMethod = "muan", range = 673:773)),
  list("stsNewport", "powertrans-none-no-trend", list(powertrans = "none", trend = FALSE, range = 673:773)),
  list("rotaBB", "defaults", list()),
  list("rotaBB", "w2-periods3-nbPlugin", list(w = 2, noPeriods = 3, thresholdMethod = "nbPlugin", pastWeeksNotIncluded = 2)),
  list("rotaBBadults", "b3-w1", list(b = 3, w = 1)),
  list("daily", "defaults", list(range = dailyRange)),
  list("daily", "b3-w7-limit54-0", list(b = 3, w = 7, limit54 = c(0, 4), range = dailyRange))
)

for (case in datedCases) {
  name <- case[[1]]; config <- case[[2]]; control <- case[[3]]
  d <- dated[[name]]
  obs <- matrix(d$observed, ncol = 1)
  s <- if (is.null(d$population)) sts(observed = obs, epoch = d$dates, frequency = d$freq) else
    sts(observed = obs, epoch = d$dates, frequency = d$freq, population = matrix(d$population, ncol = 1))
  stopifnot(s@epochAsDate)
  res <- farringtonFlexible(s, control = control)
  range <- if (is.null(control$range)) (d$freq * (if (is.null(control$b)) 5 else control$b) +
    (if (is.null(control$w)) 3 else control$w) + 1):length(d$observed) else control$range
  path <- file.path(outDir, sprintf("farrington-dates-%s-%s.csv", name, config))
  con <- file(path, "w")
  writeLines(versionLine, con)
  writeLines(sprintf("# farringtonFlexible(series %s with dates, freq %d, control = %s)", name, d$freq,
                     paste(deparse(control, width.cutoff = 500L), collapse = " ")), con)
  writeLines("index,observed,upperbound,alarm", con)
  writeLines(sprintf("%d,%s,%s,%s", range, num(observed(res)[, 1]), num(upperbound(res)[, 1]),
                     ifelse(is.na(alarms(res)[, 1]), "NA", ifelse(alarms(res)[, 1], "TRUE", "FALSE"))), con)
  close(con)
}
cat("done\n")
