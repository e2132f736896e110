-- A history written by speeddating at schema version 3 (main de79da9), before text.fold read Ł as L:
-- two sessions of people named with letters Unicode does not decompose (Ł, Ø, Đ, Þ, ı).
PRAGMA application_id = 1399866484;
PRAGMA user_version = 3;
BEGIN TRANSACTION;
CREATE TABLE attendance (
               session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
               person_id INTEGER NOT NULL REFERENCES people(id),
               PRIMARY KEY (session_id, person_id));
INSERT INTO "attendance" VALUES(1,1);
INSERT INTO "attendance" VALUES(1,2);
INSERT INTO "attendance" VALUES(1,3);
INSERT INTO "attendance" VALUES(1,4);
INSERT INTO "attendance" VALUES(1,5);
INSERT INTO "attendance" VALUES(1,6);
INSERT INTO "attendance" VALUES(1,7);
INSERT INTO "attendance" VALUES(1,8);
INSERT INTO "attendance" VALUES(2,1);
INSERT INTO "attendance" VALUES(2,2);
INSERT INTO "attendance" VALUES(2,3);
INSERT INTO "attendance" VALUES(2,4);
INSERT INTO "attendance" VALUES(2,6);
INSERT INTO "attendance" VALUES(2,7);
INSERT INTO "attendance" VALUES(2,8);
CREATE TABLE encounters (
               session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
               round INTEGER NOT NULL,
               person_a INTEGER NOT NULL REFERENCES people(id),
               person_b INTEGER NOT NULL REFERENCES people(id),
               CHECK (person_a < person_b),
               PRIMARY KEY (session_id, round, person_a, person_b));
INSERT INTO "encounters" VALUES(1,1,1,3);
INSERT INTO "encounters" VALUES(1,1,1,5);
INSERT INTO "encounters" VALUES(1,1,1,7);
INSERT INTO "encounters" VALUES(1,1,2,4);
INSERT INTO "encounters" VALUES(1,1,2,6);
INSERT INTO "encounters" VALUES(1,1,2,8);
INSERT INTO "encounters" VALUES(1,1,3,5);
INSERT INTO "encounters" VALUES(1,1,3,7);
INSERT INTO "encounters" VALUES(1,1,4,6);
INSERT INTO "encounters" VALUES(1,1,4,8);
INSERT INTO "encounters" VALUES(1,1,5,7);
INSERT INTO "encounters" VALUES(1,1,6,8);
INSERT INTO "encounters" VALUES(2,1,1,3);
INSERT INTO "encounters" VALUES(2,1,1,6);
INSERT INTO "encounters" VALUES(2,1,2,4);
INSERT INTO "encounters" VALUES(2,1,2,7);
INSERT INTO "encounters" VALUES(2,1,2,8);
INSERT INTO "encounters" VALUES(2,1,3,6);
INSERT INTO "encounters" VALUES(2,1,4,7);
INSERT INTO "encounters" VALUES(2,1,4,8);
INSERT INTO "encounters" VALUES(2,1,7,8);
CREATE TABLE people (
               id INTEGER PRIMARY KEY,
               identity TEXT NOT NULL UNIQUE,
               name TEXT NOT NULL,
               organisation TEXT NOT NULL, email TEXT NOT NULL DEFAULT '', name_key TEXT NOT NULL DEFAULT '', organisation_key TEXT NOT NULL DEFAULT '');
INSERT INTO "people" VALUES(1,'name:łukasz nowak|ørsted','Łukasz Nowak','Ørsted','','łukasz nowak','ørsted');
INSERT INTO "people" VALUES(2,'name:øyvind berg|ørsted','Øyvind Berg','Ørsted','','øyvind berg','ørsted');
INSERT INTO "people" VALUES(3,'name:đorđe petrovic|mission locale','Đorđe Petrović','Mission Locale','','đorđe petrovic','mission locale');
INSERT INTO "people" VALUES(4,'email:thora@example.org','Þóra Jónsdóttir','Mission Locale','thora@example.org','þora jonsdottir','mission locale');
INSERT INTO "people" VALUES(5,'name:lukasz nowak|orsted','Lukasz Nowak','Orsted','','lukasz nowak','orsted');
INSERT INTO "people" VALUES(6,'name:anne martin|france travail','Anne Martin','France Travail','','anne martin','france travail');
INSERT INTO "people" VALUES(7,'name:isıl yılmaz|cio','Işıl Yılmaz','CIO','','isıl yılmaz','cio');
INSERT INTO "people" VALUES(8,'name:zoe zimmer|cio','Zoé Zimmer','CIO','','zoe zimmer','cio');
CREATE TABLE sessions (
               id INTEGER PRIMARY KEY,
               title TEXT NOT NULL,
               date TEXT NOT NULL,
               plan TEXT NOT NULL,
               recorded_at TEXT NOT NULL, fingerprint TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'held' CHECK (status IN ('held', 'planned')), series TEXT NOT NULL DEFAULT '', series_number INTEGER NOT NULL DEFAULT 0);
INSERT INTO "sessions" VALUES(1,'Janvier','2026-01-13','{
  "format": "speeddating-plan/1",
  "event": {
    "title": "Janvier",
    "date": "2026-01-13",
    "start": "08:30",
    "end": "10:00",
    "location": "",
    "table_size": 4,
    "round_minutes": 10,
    "changeover_minutes": 2,
    "welcome_minutes": 15,
    "closing_minutes": 10,
    "themes": [],
    "pinned_themes": []
  },
  "attendees": [
    {
      "id": "p1",
      "name": "Łukasz Nowak",
      "organisation": "Ørsted"
    },
    {
      "id": "p2",
      "name": "Øyvind Berg",
      "organisation": "Ørsted"
    },
    {
      "id": "p3",
      "name": "Đorđe Petrović",
      "organisation": "Mission Locale"
    },
    {
      "id": "p4",
      "name": "Þóra Jónsdóttir",
      "organisation": "Mission Locale",
      "email": "thora@example.org"
    },
    {
      "id": "p5",
      "name": "Lukasz Nowak",
      "organisation": "Orsted"
    },
    {
      "id": "p6",
      "name": "Anne Martin",
      "organisation": "France Travail"
    },
    {
      "id": "p7",
      "name": "Işıl Yılmaz",
      "organisation": "CIO"
    },
    {
      "id": "p8",
      "name": "Zoé Zimmer",
      "organisation": "CIO"
    }
  ],
  "rounds": [
    {
      "number": 1,
      "tables": [
        {
          "number": 1,
          "attendees": [
            "p1",
            "p3",
            "p5",
            "p7"
          ]
        },
        {
          "number": 2,
          "attendees": [
            "p2",
            "p4",
            "p6",
            "p8"
          ]
        }
      ]
    }
  ],
  "solver": {
    "method": "",
    "seconds": 0.0,
    "seed": 0,
    "time_limit": 0.0
  },
  "version": 1
}
','2026-12-02T07:50:53+00:00','de1a4d941abf99f9585270f1ecfd5d749cd5b46860e9d3bfb18461ab8946893d','held','',0);
INSERT INTO "sessions" VALUES(2,'Février','2026-02-10','{
  "format": "speeddating-plan/1",
  "event": {
    "title": "Février",
    "date": "2026-02-10",
    "start": "08:30",
    "end": "10:00",
    "location": "",
    "table_size": 4,
    "round_minutes": 10,
    "changeover_minutes": 2,
    "welcome_minutes": 15,
    "closing_minutes": 10,
    "themes": [],
    "pinned_themes": []
  },
  "attendees": [
    {
      "id": "p1",
      "name": "Łukasz Nowak",
      "organisation": "Ørsted"
    },
    {
      "id": "p2",
      "name": "Øyvind Berg",
      "organisation": "Ørsted"
    },
    {
      "id": "p3",
      "name": "Đorđe Petrović",
      "organisation": "Mission Locale"
    },
    {
      "id": "p4",
      "name": "Þóra Jónsdóttir",
      "organisation": "Mission Locale",
      "email": "thora@example.org"
    },
    {
      "id": "p5",
      "name": "Anne Martin",
      "organisation": "France Travail"
    },
    {
      "id": "p6",
      "name": "Işıl Yılmaz",
      "organisation": "CIO"
    },
    {
      "id": "p7",
      "name": "Zoé Zimmer",
      "organisation": "CIO"
    }
  ],
  "rounds": [
    {
      "number": 1,
      "tables": [
        {
          "number": 1,
          "attendees": [
            "p1",
            "p3",
            "p5"
          ]
        },
        {
          "number": 2,
          "attendees": [
            "p2",
            "p4",
            "p6",
            "p7"
          ]
        }
      ]
    }
  ],
  "solver": {
    "method": "",
    "seconds": 0.0,
    "seed": 0,
    "time_limit": 0.0
  },
  "version": 1
}
','2026-12-02T07:50:53+00:00','9882858061f8fd4a438c384a8c8516aed444184aaec0867b0898b4c231fd4a44','held','',0);
CREATE INDEX encounters_by_pair ON encounters(person_a, person_b);
CREATE UNIQUE INDEX people_by_email ON people(email) WHERE email <> '';
CREATE INDEX people_by_name ON people(name_key, organisation_key);
CREATE INDEX encounters_by_second ON encounters(person_b);
CREATE INDEX attendance_by_person ON attendance(person_id);
CREATE INDEX sessions_by_fingerprint ON sessions(fingerprint);
CREATE INDEX sessions_by_event ON sessions(date, title);
CREATE INDEX sessions_by_series ON sessions(series, series_number);
COMMIT;
