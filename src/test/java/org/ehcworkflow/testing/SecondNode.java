package org.ehcworkflow.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A second node of the application: another JVM started from this JVM's classes on the same database, its output
 * in a log file. {@link #kill()} is {@code kill -9}: the node dies holding whatever it had locked.
 */
public final class SecondNode implements AutoCloseable {

  private final Process process;
  private final Path log;

  private SecondNode(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts the node on the database and waits until it has started.
   *
   * @param arguments Spring Boot arguments ({@code --name=value}) beside the database's
   */
  public static SecondNode start(String databaseUrl, Path log, List<String> arguments, Duration limit)
      throws IOException, InterruptedException {
    return start(databaseUrl, log, List.of("-Xmx640m"), arguments, limit);
  }

  /** As {@link #start(String, Path, List, Duration)}, with these JVM options ({@code -Xmx2g}, ...). */
  public static SecondNode start(String databaseUrl, Path log, List<String> jvmOptions, List<String> arguments,
      Duration limit) throws IOException, InterruptedException {
    Files.createDirectories(log.toAbsolutePath().getParent());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-Duser.timezone=Europe/London", "-cp", classPath(),
        "org.ehcworkflow.EhcWorkflowApplication",
        "--server.port=0", "--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=postgres",
        "--spring.datasource.password="));
    command.addAll(arguments);
    SecondNode node = new SecondNode(new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).directory(new File(".")).start(), log);
    Instant deadline = Instant.now().plus(limit);
    while (!node.logged("Started EhcWorkflowApplication")) {
      if (!node.process.isAlive() || Instant.now().isAfter(deadline)) {
        node.kill();
        throw new IllegalStateException("the second node did not start; its log ends: " + node.tail());
      }
      Thread.sleep(250);
    }
    return node;
  }

  /** The HTTP port the node's web server took ({@code server.port=0}), from its log. */
  public int port() {
    Matcher started = Pattern.compile("Tomcat started on port (\\d+)").matcher(tail(Integer.MAX_VALUE));
    if (!started.find()) {
      throw new IllegalStateException("the node's log names no port: " + tail());
    }
    return Integer.parseInt(started.group(1));
  }

  /** The node's process id, to read its CPU time. */
  public long pid() {
    return process.pid();
  }

  /**
   * Freezes the whole JVM ({@code SIGSTOP}) until {@link #resume()}: none of its threads runs, so its job executor
   * takes no job. Only for a node that has nothing under way: what it holds stays held while it is frozen.
   */
  public void pause() throws IOException, InterruptedException {
    signal("-STOP");
  }

  /** Lets a paused JVM run again ({@code SIGCONT}). */
  public void resume() throws IOException, InterruptedException {
    signal("-CONT");
  }

  private void signal(String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).redirectErrorStream(true).start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed: "
          + new String(kill.getInputStream().readAllBytes()).trim());
    }
  }

  /** Dies at once, as {@code kill -9}: no shutdown, its locks left to run out. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /**
   * Stops as a server is stopped ({@code SIGTERM}): the application shuts down, and a flight recording started with
   * the node is written; killed if it has not ended within {@code limit}.
   */
  public void stop(Duration limit) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
    }
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }

  /** The end of the node's log, for a failure message. */
  public String tail() {
    return tail(3000);
  }

  private String tail(int characters) {
    try {
      String text = Files.exists(log) ? Files.readString(log) : "";
      return text.substring(Math.max(0, text.length() - characters));
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  private boolean logged(String text) {
    try {
      return Files.exists(log) && Files.readString(log).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  /** This JVM's class path without empty entries, which would put the working directory (bpmn/ twice) on it. */
  private static String classPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isBlank()).distinct().collect(Collectors.joining(File.pathSeparator));
  }
}
