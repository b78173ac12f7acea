# Regenerates the outflow fixtures: synthetic households (data.csv) and what R's survival package
# computes on them. Run from this folder:  Rscript make-fixtures.R
# Needs only base R and 'survival' (Debian: r-cran-survival). Every file is written with 17 significant
# digits so the C# tests compare against R's own doubles. No real person: all rows are generated here.
suppressPackageStartupMessages(library(survival))
set.seed(20261207)

values <- list(provision = c("none", "coaching", "training"), children = c("no", "yes"))

make <- function(dataset, group, n, rate, p_event) {
  if (n == 0) return(NULL)
  provision <- sample(values$provision, n, replace = TRUE, prob = c(0.5, 0.3, 0.2))
  children <- sample(values$children, n, replace = TRUE, prob = c(0.6, 0.4))
  age <- round(runif(n, 20, 75))
  income <- round(rnorm(n, 1500, 400))
  # Children slow outflow, coaching speeds it up; whole months give many ties.
  hazard <- rate * ifelse(children == "yes", 0.5, 1) * ifelse(provision == "coaching", 1.6, 1) * exp(-(age - 45) / 60)
  duration <- pmin(48, ceiling(rexp(n, hazard)))
  event <- as.integer(runif(n) < p_event & duration < 48)
  data.frame(dataset = dataset, group = group, duration = duration, event = event,
             provision = provision, children = children, age = age, income = income)
}

# main: six groups (0..5): mixed censoring, no censoring, all censored, mixed, EMPTY, small.
main <- rbind(
  make("main", 0, 40, 0.08, 0.7),
  make("main", 1, 30, 0.12, 1.1),
  make("main", 2, 25, 0.05, 0.0),
  make("main", 3, 35, 0.04, 0.6),
  make("main", 5, 8, 0.10, 0.8))
main$income[c(5, 47, 90)] <- NA                      # rows left out of Cox (na.omit)

# half: one group whose curve is exactly 0.5 at t = 5, so the median is the middle of the flat (5.5).
half <- data.frame(dataset = "half", group = 0, duration = 1:10, event = 1L,
                   provision = "none", children = "no", age = 40, income = 1000)

# single: one group with ties and censoring (log-rank not defined).
single <- make("single", 0, 60, 0.07, 0.75)

# two: two groups with heavy ties in days (larger risk sets, Efron matters).
two <- rbind(make("two", 0, 120, 0.06, 0.8), make("two", 1, 150, 0.09, 0.8))
two$duration <- pmin(48, round(two$duration / 3) * 3)

data <- rbind(main, half, single, two)
data$row <- ave(seq_len(nrow(data)), data$dataset, FUN = seq_along) - 1
data <- data[, c("dataset", "row", "group", "duration", "event", "provision", "children", "age", "income")]

num <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
write_csv <- function(frame, file) {
  for (name in names(frame)) if (is.numeric(frame[[name]])) frame[[name]] <- num(frame[[name]])
  write.csv(frame, file, row.names = FALSE, quote = FALSE)
}
write_csv(data, "data.csv")

curves <- list(); medians <- list(); points <- list(); logrank <- list(); observed <- list()
coxterms <- list(); coxfits <- list()
summary_times <- c(0, 0.5, 1, 2.5, 3, 6, 12, 24, 36, 47.9, 48, 60)

for (name in unique(data$dataset)) {
  d <- data[data$dataset == name, ]
  d$g <- factor(d$group)
  fit <- if (nlevels(d$g) > 1) survfit(Surv(duration, event) ~ g, data = d) else survfit(Surv(duration, event) ~ 1, data = d)
  table <- summary(fit)$table
  if (is.null(dim(table))) table <- t(as.matrix(table))
  for (i in seq_len(nlevels(d$g))) {
    s <- if (nlevels(d$g) > 1) fit[i] else fit
    group <- as.integer(levels(d$g)[i])
    curves[[length(curves) + 1]] <- data.frame(dataset = name, group = group, time = s$time, n_risk = s$n.risk,
      n_event = s$n.event, n_censor = s$n.censor, surv = s$surv, std_err = s$std.err, lower = s$lower, upper = s$upper)
    medians[[length(medians) + 1]] <- data.frame(dataset = name, group = group, households = table[i, "n.start"],
      events = table[i, "events"], median = table[i, "median"], lower = table[i, "0.95LCL"], upper = table[i, "0.95UCL"])
    sm <- summary(s, times = summary_times, extend = TRUE)
    points[[length(points) + 1]] <- data.frame(dataset = name, group = group, time = sm$time, surv = sm$surv,
      lower = sm$lower, upper = sm$upper, n_risk = sm$n.risk)
  }
  if (nlevels(d$g) > 1) {
    lr <- survdiff(Surv(duration, event) ~ g, data = d)
    df <- sum(lr$exp > 0) - 1
    logrank[[length(logrank) + 1]] <- data.frame(dataset = name, chisq = lr$chisq, df = df,
      p = pchisq(lr$chisq, df, lower.tail = FALSE))
    observed[[length(observed) + 1]] <- data.frame(dataset = name, group = as.integer(levels(d$g)),
      observed = lr$obs, expected = lr$exp)
  }
  if (name != "half") {
    # Cox as Datawijs specifies it: complete rows; each categorical against its most frequent value
    # (ties: first declared), each numeric per one sample standard deviation of the rows used.
    cc <- d[complete.cases(d[, c("provision", "children", "age", "income")]), ]
    terms <- c()
    for (feature in names(values)) {
      counts <- table(factor(cc[[feature]], levels = values[[feature]]))
      reference <- names(counts)[which.max(counts)]
      present <- values[[feature]][counts > 0]
      cc[[feature]] <- factor(cc[[feature]], levels = c(reference, setdiff(present, reference)))
    }
    sds <- c(age = sd(cc$age), income = sd(cc$income))
    cc$age_sd <- cc$age / sds[["age"]]
    cc$income_sd <- cc$income / sds[["income"]]
    model <- coxph(Surv(duration, event) ~ provision + children + age_sd + income_sd, data = cc, ties = "efron")
    b <- coef(model); se <- sqrt(diag(vcov(model)))
    feature <- c(rep("provision", nlevels(cc$provision) - 1), rep("children", nlevels(cc$children) - 1), "age", "income")
    value <- c(levels(cc$provision)[-1], levels(cc$children)[-1], "", "")
    reference <- c(rep(levels(cc$provision)[1], nlevels(cc$provision) - 1), rep(levels(cc$children)[1], nlevels(cc$children) - 1), "", "")
    coxterms[[length(coxterms) + 1]] <- data.frame(dataset = name, feature = feature, value = value, reference = reference,
      sd = c(rep(NA, length(b) - 2), sds[["age"]], sds[["income"]]), coef = b, se = se, hr = exp(b),
      lower = exp(b - qnorm(0.975) * se), upper = exp(b + qnorm(0.975) * se), p = 2 * pnorm(-abs(b / se)))
    coxfits[[length(coxfits) + 1]] <- data.frame(dataset = name, n = model$n, events = model$nevent,
      loglik_null = model$loglik[1], loglik = model$loglik[2], iterations = model$iter)
  }
}

write_csv(do.call(rbind, curves), "curves.csv")
write_csv(do.call(rbind, medians), "medians.csv")
write_csv(do.call(rbind, points), "points.csv")
write_csv(do.call(rbind, logrank), "logrank.csv")
write_csv(do.call(rbind, observed), "logrank-groups.csv")
write_csv(do.call(rbind, coxterms), "cox-terms.csv")
write_csv(do.call(rbind, coxfits), "cox-fits.csv")

# Tail probabilities across the range the tests use, far tails included.
chi <- expand.grid(x = c(0.001, 0.1, 0.5, 1, 2, 3.84, 5, 10, 20, 50, 100, 300, 700, 1200), df = c(1, 2, 3, 4, 5, 7, 10, 30))
normal <- data.frame(z = c(-8, -3, -1.96, -0.5, 0, 0.1, 0.5, 1, 1.959964, 2.5, 3, 5, 8, 12, 20, 37))
write_csv(rbind(
  data.frame(kind = "chisq-upper", x = chi$x, df = chi$df, p = pchisq(chi$x, chi$df, lower.tail = FALSE)),
  data.frame(kind = "norm-upper", x = normal$z, df = NA, p = pnorm(normal$z, lower.tail = FALSE)),
  data.frame(kind = "gamma-lower", x = chi$x, df = chi$df, p = pgamma(chi$x, shape = chi$df / 2))),
  "tails.csv")
cat("fixtures written with survival", format(packageVersion("survival")), "\n")
