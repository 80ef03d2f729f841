"""The photo library becomes an app of its own: its model moves here from ``articles``.

Only Django's record of the model moves (``SeparateDatabaseAndState``): the table and its
rows stay where they are, and ``0002`` gives the table its new name once every foreign key
has followed (``articles`` 0010).
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import photos.models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("articles", "0009_search_title_weight"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Image',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('file', models.ImageField(upload_to=photos.models.image_upload_to, verbose_name='file')),
                        ('width', models.PositiveIntegerField(default=0, editable=False, verbose_name='width')),
                        ('height', models.PositiveIntegerField(default=0, editable=False, verbose_name='height')),
                        ('caption', models.CharField(blank=True, help_text='Shown under the photo; also used as alt text when that is empty.', max_length=500, verbose_name='caption')),
                        ('alt_text', models.CharField(blank=True, help_text='What the photo shows, for readers who cannot see it.', max_length=300, verbose_name='alt text')),
                        ('credit', models.CharField(blank=True, help_text='“Ảnh: …”', max_length=200, verbose_name='credit')),
                        ('place', models.CharField(blank=True, help_text='Where the photo was taken, as readers know it: “xã Yên Ninh, Phú Lương”.', max_length=200, verbose_name='place')),
                        ('taken_at', models.DateTimeField(blank=True, help_text='Read from the camera before its metadata was removed; staff only.', null=True, verbose_name='taken at')),
                        ('focal_x', models.FloatField(blank=True, help_text='0 = left edge, 1 = right edge. Crops keep this point in the picture.', null=True, verbose_name='focal point (across)')),
                        ('focal_y', models.FloatField(blank=True, help_text='0 = top edge, 1 = bottom edge.', null=True, verbose_name='focal point (down)')),
                        ('original_filename', models.CharField(blank=True, max_length=255, verbose_name='original file name')),
                        ('original_format', models.CharField(blank=True, editable=False, max_length=10, verbose_name='original format')),
                        ('original_size', models.PositiveBigIntegerField(default=0, editable=False, verbose_name='original size (bytes)')),
                        ('private_original', models.CharField(blank=True, editable=False, help_text='The untouched upload, kept outside the public folder if the site is so set.', max_length=255, verbose_name='private original')),
                        ('checksum', models.CharField(blank=True, db_index=True, editable=False, max_length=64, verbose_name='SHA-256')),
                        ('renditions', models.JSONField(blank=True, default=dict, editable=False, help_text='The resized copies readers get, made once when the file is stored.', verbose_name='renditions')),
                        ('search_text', models.TextField(blank=True, editable=False)),
                        ('uploaded_at', models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='uploaded at')),
                        ('uploaded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='uploaded by')),
                    ],
                    options={
                        'db_table': 'articles_image',
                        'verbose_name': 'image',
                        'verbose_name_plural': 'images',
                        'ordering': ['-uploaded_at', '-pk'],
                        'indexes': [models.Index(fields=['-uploaded_at', '-id'], name='image_library_order_idx')],
                        'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('focal_x__isnull', True), ('focal_y__isnull', True)), models.Q(('focal_x__gte', 0), ('focal_x__lte', 1), ('focal_y__gte', 0), ('focal_y__lte', 1)), _connector='OR'), name='image_focal_point_inside', violation_error_message='The focal point needs both values, each between 0 and 1.')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
