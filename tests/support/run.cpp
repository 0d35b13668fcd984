// run.cpp: fork/exec with three pipes drained by poll(), so that a child that
// writes a lot to both streams never deadlocks, and a timeout that kills the
// child's whole process group.
#include "run.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace mld::test {

std::string RunResult::describe() const {
  std::string s;
  if (execFailed)
    s = "could not start";
  else if (timedOut)
    s = "timed out";
  else if (signal)
    s = "killed by signal " + std::to_string(signal) + " (" + strsignal(signal) + ")";
  else
    s = "exit status " + std::to_string(exitCode);
  if (!err.empty())
    s += "; stderr:\n" + err;
  return s;
}

std::string joinArgs(const std::vector<std::string> &argv) {
  std::string s;
  for (const std::string &a : argv) {
    if (!s.empty())
      s += ' ';
    s += a.find_first_of(" \t'\"") == std::string::npos ? a : "'" + a + "'";
  }
  return s;
}

RunResult run(const std::vector<std::string> &argv, const RunOptions &opts) {
  RunResult r;
  int outPipe[2], errPipe[2], execPipe[2];
  if (pipe2(outPipe, O_CLOEXEC) || pipe2(errPipe, O_CLOEXEC) || pipe2(execPipe, O_CLOEXEC)) {
    r.execFailed = true;
    r.err = std::string("pipe: ") + strerror(errno);
    return r;
  }
  std::vector<std::string> env;
  for (char **e = environ; *e; e++)
    env.emplace_back(*e);
  env.insert(env.end(), opts.extraEnv.begin(), opts.extraEnv.end());
  std::vector<char *> cargv, cenv;
  for (const std::string &a : argv)
    cargv.push_back(const_cast<char *>(a.c_str()));
  cargv.push_back(nullptr);
  for (const std::string &e : env)
    cenv.push_back(const_cast<char *>(e.c_str()));
  cenv.push_back(nullptr);

  pid_t pid = fork();
  if (pid == 0) {
    setpgid(0, 0);
    int devNull = open("/dev/null", O_RDONLY);
    dup2(devNull, 0);
    dup2(outPipe[1], 1);
    dup2(errPipe[1], 2);
    if (!opts.cwd.empty() && chdir(opts.cwd.c_str()) != 0) {
      int e = errno;
      (void)!write(execPipe[1], &e, sizeof e);
      _exit(127);
    }
    execve(cargv[0], cargv.data(), cenv.data());
    if (errno == ENOENT && std::strchr(cargv[0], '/') == nullptr)
      execvpe(cargv[0], cargv.data(), cenv.data());
    int e = errno;
    (void)!write(execPipe[1], &e, sizeof e);
    _exit(127);
  }
  close(outPipe[1]);
  close(errPipe[1]);
  close(execPipe[1]);

  auto deadline = std::chrono::steady_clock::now() + opts.timeout;
  pollfd fds[2] = {{outPipe[0], POLLIN, 0}, {errPipe[0], POLLIN, 0}};
  std::string *sinks[2] = {&r.out, &r.err};
  int open = 2;
  while (open > 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      r.timedOut = true;
      kill(-pid, SIGKILL);
      kill(pid, SIGKILL);
      break;
    }
    int n = poll(fds, 2, static_cast<int>(left.count()));
    if (n < 0 && errno == EINTR)
      continue;
    for (int i = 0; i < 2; i++) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
        continue;
      char buf[65536];
      ssize_t got = read(fds[i].fd, buf, sizeof buf);
      if (got > 0) {
        sinks[i]->append(buf, static_cast<size_t>(got));
      } else if (got == 0 || errno != EINTR) {
        close(fds[i].fd);
        fds[i].fd = -1;
        open--;
      }
    }
  }
  for (pollfd &p : fds)
    if (p.fd >= 0)
      close(p.fd);

  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  int execErr = 0;
  if (read(execPipe[0], &execErr, sizeof execErr) == sizeof execErr) {
    r.execFailed = true;
    r.err += "cannot run " + argv[0] + ": " + strerror(execErr);
  }
  close(execPipe[0]);
  if (WIFEXITED(status))
    r.exitCode = WEXITSTATUS(status);
  else if (WIFSIGNALED(status) && !r.timedOut)
    r.signal = WTERMSIG(status);
  return r;
}

} // namespace mld::test
