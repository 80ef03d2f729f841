/* Bulk photo upload for the admin: one request per file (two at a time), a progress bar
   per file and overall, the server's verdict per file, then one captions form for all.
   Without this script the same page's form posts every file at once. No inline code. */
(function () {
  "use strict";
  var root = document.querySelector("[data-uploader]");
  if (!root || !window.XMLHttpRequest || !window.FormData) return;

  var form = root.querySelector("[data-upload-form]");
  var input = root.querySelector("[data-input]");
  var drop = root.querySelector("[data-drop]");
  var progress = root.querySelector("[data-progress]");
  var list = root.querySelector("[data-files]");
  var overall = root.querySelector("[data-overall]");
  var summary = root.querySelector("[data-summary]");
  var next = root.querySelector("[data-next]");
  var captionsLink = root.querySelector("[data-captions-link]");
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var maxBytes = parseInt(root.dataset.maxBytes, 10);
  var msg = root.dataset;
  var CONCURRENT = 2;

  var jobs = [];
  var running = 0;

  root.classList.add("uploader--js");

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_, key) { return String(values[key]); });
  }

  function megabytes(bytes) {
    if (bytes < 1048576) return Math.max(1, Math.round(bytes / 1024)) + " KB";
    return (bytes / 1048576).toFixed(1).replace(".", ",") + " MB";
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function addFiles(files) {
    Array.prototype.forEach.call(files, function (file) {
      var item = el("li", "uploader__file is-waiting");
      var thumb = el("span", "uploader__thumb");
      var name = el("span", "uploader__name", file.name);
      var size = el("span", "uploader__size", megabytes(file.size));
      var bar = el("progress", "uploader__bar");
      bar.max = 100;
      bar.value = 0;
      var status = el("span", "uploader__status", msg.msgWaiting);
      item.append(thumb, name, size, bar, status);
      list.appendChild(item);
      var job = { file: file, item: item, bar: bar, status: status, thumb: thumb, loaded: 0, state: "waiting" };
      if (file.size > maxBytes) finish(job, false, msg.msgTooBig);
      jobs.push(job);
    });
    progress.hidden = false;
    update();
    pump();
  }

  function pump() {
    while (running < CONCURRENT) {
      var job = jobs.find(function (j) { return j.state === "waiting"; });
      if (!job) break;
      send(job);
    }
    update();
  }

  function send(job) {
    running += 1;
    job.state = "sending";
    job.item.className = "uploader__file is-sending";
    job.status.textContent = msg.msgSending;
    var data = new FormData();
    data.append("file", job.file, job.file.name);
    var xhr = new XMLHttpRequest();
    xhr.open("POST", root.dataset.endpoint);
    xhr.setRequestHeader("X-CSRFToken", csrf);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.addEventListener("progress", function (event) {
      if (!event.lengthComputable) return;
      job.loaded = event.loaded / event.total;
      job.bar.value = Math.round(job.loaded * 100);
      if (job.loaded >= 1) {
        job.status.textContent = msg.msgProcessing;
        job.bar.removeAttribute("value"); /* indeterminate while the server works */
      }
      update();
    });
    xhr.addEventListener("load", function () {
      var answer = null;
      try { answer = JSON.parse(xhr.responseText); } catch (e) { answer = null; }
      running -= 1;
      if (answer && answer.ok) {
        job.id = answer.id;
        finish(job, true, msg.msgDone + (answer.note ? " — " + answer.note : ""), answer);
      } else {
        finish(job, false, (answer && answer.error) || msg.msgServer);
      }
      pump();
    });
    xhr.addEventListener("error", function () {
      running -= 1;
      finish(job, false, msg.msgNetwork, null, true);
      pump();
    });
    xhr.send(data);
  }

  function finish(job, ok, text, answer, retry) {
    job.state = ok ? "done" : "failed";
    job.loaded = 1;
    job.bar.max = 100;
    job.bar.value = 100;
    job.item.className = "uploader__file " + (ok ? "is-done" : "is-failed");
    job.status.textContent = text;
    if (ok && answer) {
      var img = el("img");
      img.src = answer.thumbnail;
      img.alt = "";
      img.width = 64;
      img.height = Math.max(1, Math.round(64 * answer.height / answer.width));
      var link = el("a");
      link.href = answer.change_url;
      link.appendChild(img);
      job.thumb.appendChild(link);
    }
    if (retry) {
      var button = el("button", "uploader__retry", msg.msgRetry);
      button.type = "button";
      button.addEventListener("click", function () {
        button.remove();
        job.state = "waiting";
        job.loaded = 0;
        job.item.className = "uploader__file is-waiting";
        job.status.textContent = msg.msgWaiting;
        pump();
      });
      job.item.appendChild(button);
    }
    update();
  }

  function update() {
    var total = jobs.length;
    var done = jobs.filter(function (j) { return j.state === "done"; }).length;
    var failed = jobs.filter(function (j) { return j.state === "failed"; }).length;
    var sum = jobs.reduce(function (acc, j) { return acc + j.loaded; }, 0);
    overall.value = total ? Math.round((sum / total) * 100) : 0;
    summary.textContent = format(msg.msgSummary, { done: done + failed, total: total, failed: failed });
    var busy = jobs.some(function (j) { return j.state === "waiting" || j.state === "sending"; });
    /* In the order the files were picked, duplicates once. */
    var storedIds = jobs.map(function (j) { return j.id; }).filter(function (id, index, all) {
      return id && all.indexOf(id) === index;
    });
    if (!busy && storedIds.length) {
      captionsLink.href = root.dataset.captions + "?ids=" + storedIds.join(",");
      captionsLink.textContent = format(msg.msgCaptions, { count: storedIds.length });
      next.hidden = false;
    } else {
      next.hidden = true;
    }
  }

  input.addEventListener("change", function () {
    if (input.files.length) addFiles(input.files);
    input.value = "";
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (input.files.length) addFiles(input.files);
  });
  ["dragenter", "dragover"].forEach(function (name) {
    drop.addEventListener(name, function (event) {
      event.preventDefault();
      drop.classList.add("is-over");
    });
  });
  ["dragleave", "drop"].forEach(function (name) {
    drop.addEventListener(name, function () { drop.classList.remove("is-over"); });
  });
  drop.addEventListener("drop", function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) addFiles(event.dataTransfer.files);
  });
  window.addEventListener("beforeunload", function (event) {
    if (jobs.some(function (j) { return j.state === "waiting" || j.state === "sending"; })) {
      event.preventDefault();
      event.returnValue = msg.msgLeave;
    }
  });
})();
