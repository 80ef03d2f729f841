/* Article form: nothing lost (browser-side autosave) and who else is editing (soft lock). */
document.addEventListener("DOMContentLoaded", function () {
  "use strict";

  var form = document.getElementById("article_form");
  var KEY = "newsroom:draft:" + location.pathname.replace(/\/(change\/)?$/, "");

  function read() {
    try { return JSON.parse(localStorage.getItem(KEY) || "null"); } catch (e) { return null; }
  }
  function write(data) {
    try { localStorage.setItem(KEY, JSON.stringify(data)); } catch (e) { /* storage full or off */ }
  }
  function forget() { localStorage.removeItem(KEY); }

  // A page that confirms a save (the list after "Lưu", the form after "Lưu và tiếp tục
  // chỉnh sửa" or "Lưu và thêm mới") means the text sent with it is on the server: the
  // drafts kept for a form that was sent are done with, whichever form it was (a new
  // article's is kept under the "add" address, and its next page is the article's own).
  // Without that confirmation (a session that expired, a refused save) they are kept.
  if (document.querySelector(".messagelist .success")) {
    Object.keys(localStorage)
      .filter(function (k) { return k.indexOf("newsroom:draft:") === 0; })
      .forEach(function (k) {
        var d = null;
        try { d = JSON.parse(localStorage.getItem(k) || "null"); } catch (e) { d = null; }
        if (d && d.submitted) { localStorage.removeItem(k); }
      });
  }
  if (!form) { return; }

  var labels = (document.getElementById("nr-autosave-labels") || {}).dataset || {};
  var title = document.getElementById("id_title");
  var sapo = document.getElementById("id_sapo");
  var body = document.getElementById("id_body");
  var version = document.getElementById("id_edit_version");
  var editor = null;

  function current() {
    return {
      title: title ? title.value : "",
      sapo: sapo ? sapo.value : "",
      body: editor ? editor.getData() : (body ? body.value : ""),
    };
  }
  function versionNumber() { return version && version.value ? parseInt(version.value, 10) : 0; }

  var timer = null;
  function scheduleSave() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var data = current();
      data.version = versionNumber();
      data.savedAt = Date.now();
      data.submitted = false;
      write(data);
      var status = document.getElementById("nr-autosave-status");
      if (status) {
        status.textContent = (labels.saved || "Draft kept in this browser at") + " " +
          new Date(data.savedAt).toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit", second: "2-digit" });
      }
    }, 800);
  }

  function restore(data) {
    if (title) { title.value = data.title; }
    if (sapo) { sapo.value = data.sapo; }
    if (editor) { editor.setData(data.body); } else if (body) { body.value = data.body; }
  }

  function offer(data) {
    var banner = document.createElement("div");
    banner.className = "nr-notice nr-notice--restore";
    banner.setAttribute("role", "alert");
    var when = new Date(data.savedAt);
    var text = document.createElement("span");
    text.textContent = (labels.label || "Unsaved text from") + " " +
      when.toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit" }) + ", " +
      when.toLocaleDateString("vi-VN") + ". ";
    var yes = document.createElement("button");
    yes.type = "button";
    yes.className = "button nr-restore";
    yes.textContent = labels.yes || "Restore";
    var no = document.createElement("button");
    no.type = "button";
    no.className = "button nr-discard";
    no.textContent = labels.no || "Discard";
    yes.addEventListener("click", function () { restore(data); banner.remove(); });
    no.addEventListener("click", function () { forget(); banner.remove(); });
    banner.append(text, yes, " ", no);
    form.parentNode.insertBefore(banner, form);
  }

  function differs(data) {
    var now = current();
    return data.title !== now.title || data.sapo !== now.sapo || data.body !== now.body;
  }

  function start() {
    var saved = read();
    var hasErrors = !!document.querySelector(".errornote");
    if (saved && !hasErrors) {
      if (saved.submitted && versionNumber() > saved.version) {
        forget();  // the save went through
      } else if (differs(saved)) {
        offer(saved);
      } else {
        forget();
      }
    }
    [title, sapo].forEach(function (field) {
      if (field) { field.addEventListener("input", scheduleSave); }
    });
    form.addEventListener("submit", function () {
      var data = current();
      data.version = versionNumber();
      data.savedAt = Date.now();
      data.submitted = true;
      write(data);
    });
  }

  if (window.ckeditorRegisterCallback && body) {
    // CKEditor is created after this handler runs: start once it exists.
    window.ckeditorRegisterCallback("id_body", function (instance) {
      editor = instance;
      editor.model.document.on("change:data", scheduleSave);
      start();
    });
  } else {
    start();
  }

  // Soft lock: tell the server we are here, and show who else is.
  var notice = document.getElementById("nr-presence");
  if (notice && notice.dataset.presenceUrl) {
    var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
    var beat = function () {
      var data = new FormData();
      data.append("csrfmiddlewaretoken", csrf);
      fetch(notice.dataset.presenceUrl, { method: "POST", body: data, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : { others: [] }; })
        .then(function (result) {
          if (!result.others.length) { notice.hidden = true; return; }
          notice.textContent = result.others.map(function (o) {
            return notice.dataset.label + " " + o.name + " (" + o.since + ")";
          }).join("; ");
          notice.hidden = false;
        })
        .catch(function () { /* offline: try again at the next beat */ });
    };
    setInterval(beat, 45000);
    window.addEventListener("pagehide", function () {
      var data = new FormData();
      data.append("csrfmiddlewaretoken", csrf);
      data.append("leave", "1");
      navigator.sendBeacon(notice.dataset.presenceUrl, data);
    });
  }
});
